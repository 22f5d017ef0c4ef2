package io.riskgraph.cypher;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import java.util.List;

/** Applies the schema files idempotently and waits for the indexes to come online. */
public final class Schema {
    static final List<String> FILES = List.of("schema/constraints.cypher", "schema/indexes.cypher");

    private Schema() {}

    public static void apply(Driver driver) {
        try (Session session = driver.session()) {
            for (String file : FILES) {
                for (String statement : CypherResources.statements(CypherResources.read(file))) {
                    session.run(statement).consume();
                }
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }
}
