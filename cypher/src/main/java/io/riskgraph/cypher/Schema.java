package io.riskgraph.cypher;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.IndexType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Applies the schema files idempotently and waits for the indexes to come online. */
public final class Schema {
    static final List<String> FILES = List.of("schema/constraints.cypher", "schema/indexes.cypher");
    private static final Pattern UNIQUE = Pattern.compile(
            "CREATE CONSTRAINT (\\w+) IF NOT EXISTS FOR \\((\\w+):(\\w+)\\) REQUIRE \\2\\.(\\w+) IS UNIQUE");
    private static final Pattern INDEX = Pattern.compile(
            "CREATE INDEX (\\w+) IF NOT EXISTS FOR \\((\\w+):(\\w+)\\) ON \\(\\2\\.(\\w+)\\)");

    private Schema() {}

    public static void apply(Driver driver) {
        try (Session session = driver.session()) {
            for (String statement : statements()) session.run(statement).consume();
            session.run("CALL db.awaitIndexes(300)").consume();
        }
    }

    static List<String> statements() {
        List<String> all = new ArrayList<>();
        for (String file : FILES) all.addAll(CypherResources.statements(CypherResources.read(file)));
        return all;
    }

    /**
     * The same schema on a database with none yet, through the embedded API, for a bulk load's freshly imported
     * store (no Bolt, no driver, no Cypher to compile: a fixed cost of each bulk load). The indexes are created in
     * one transaction first, so that Neo4j populates them in one background job while the uniqueness constraints
     * (each populates and checks its own index before it returns) are created one after another; then waits for
     * all of them. A statement of another form than the two the files use runs as Cypher.
     */
    static void applyEmbedded(GraphDatabaseService db) {
        List<Matcher> indexes = new ArrayList<>();
        List<Matcher> constraints = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String statement : statements()) {
            Matcher u = UNIQUE.matcher(statement);
            Matcher i = INDEX.matcher(statement);
            if (u.matches()) constraints.add(u);
            else if (i.matches()) indexes.add(i);
            else other.add(statement);
        }
        try (Transaction tx = db.beginTx()) {
            for (Matcher m : indexes) {
                tx.schema().indexFor(Label.label(m.group(3))).on(m.group(4)).withName(m.group(1))
                        .withIndexType(IndexType.RANGE).create();
            }
            tx.commit();
        }
        for (Matcher m : constraints) {
            try (Transaction tx = db.beginTx()) {
                tx.schema().constraintFor(Label.label(m.group(3))).assertPropertyIsUnique(m.group(4))
                        .withName(m.group(1)).create();
                tx.commit();
            }
        }
        for (String statement : other) db.executeTransactionally(statement);
        try (Transaction tx = db.beginTx()) {
            tx.schema().awaitIndexesOnline(300, TimeUnit.SECONDS);
        }
    }
}
