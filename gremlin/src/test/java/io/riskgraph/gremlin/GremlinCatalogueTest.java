package io.riskgraph.gremlin;

import io.riskgraph.cypher.QueryCatalogue;
import io.riskgraph.cypher.ReadOnlyQueryRunner;
import io.riskgraph.cypher.TestNeo4j;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.query.NamedQuery;
import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.QueryResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Gremlin catalogue on examples/small-city, table-driven: each query's rows on the embedded Gremlin Server equal
 * the rows of the Cypher query of the same name (or, for the Gremlin-only ones, of a Cypher statement written here)
 * on the embedded Neo4j with the same fixture; and every case finds something, so no comparison is of two empty
 * answers. Rows are compared as sets, lists inside them as sorted lists, numbers as doubles, date-times as instants.
 */
class GremlinCatalogueTest {
    static final Path CITY = Path.of("../examples/small-city");
    static final IdProtector IDS = new IdProtector("gremlin-catalogue-test-key-32-bytes!".getBytes());
    static ReadOnlyQueryRunner cypher;
    static GremlinQueryRunner gremlin;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() {
        TestNeo4j.clear();
        new Ingestor(TestNeo4j.store(), IDS, Ingestor.Options.DEFAULT).ingest(CITY, dir.resolve("n.csv"), ProgressListener.NONE);
        TestGremlin.clear();
        new Ingestor(TestGremlin.store(), IDS, Ingestor.Options.DEFAULT).ingest(CITY, dir.resolve("g.csv"), ProgressListener.NONE);
        cypher = new ReadOnlyQueryRunner(TestNeo4j.connection().driver());
        gremlin = new GremlinQueryRunner(TestGremlin.connection().g());
    }

    static final String SNACK_CHAIN_TOP = "91310104MA1FK0037N";
    static final String SHELL = "91310112MA1GH0370U";

    /** name, parameters, the Cypher statement to compare with (null: the Cypher catalogue's query of the same name). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("related-parties", Map.of("uscc", SNACK_CHAIN_TOP), null),
                Arguments.of("co-located-firms", Map.of("uscc", SHELL), null),
                Arguments.of("dishonest-representatives", Map.of(), null),
                Arguments.of("open-alerts", Map.of("min_alerts", 1L), null),
                Arguments.of("people-behind-failing-firms", Map.of("min_firms", 2L), null),
                Arguments.of("supplier-failures", Map.of("min_sites", 2L), null),
                Arguments.of("new-firm-at-revoked-address", Map.of("max_firms", 10L), null),
                Arguments.of("inspector-ties", Map.of(), null),
                Arguments.of("shared-phones", Map.of("min_firms", 2L),
                        "MATCH (p:Phone)<-[:HAS_PHONE]-(e:Enterprise) WITH p, count(e) AS firms, collect(e.name) AS names "
                                + "WHERE firms >= $min_firms RETURN p.number AS phone, firms, names"),
                Arguments.of("controllers-of-many-firms", Map.of("min_firms", 2L),
                        "MATCH (p:Person)-[:LEGAL_REPRESENTATIVE_OF|SHAREHOLDER_OF]->(e:Enterprise) WITH p, collect(DISTINCT e) AS es "
                                + "WHERE size(es) >= $min_firms RETURN p.person_id AS person_id, p.name AS name, size(es) AS firms, "
                                + "[e IN es | e.name] AS names"),
                Arguments.of("penalised-firms-related-parties", Map.of(),
                        "MATCH (pen:Penalty)-[:IMPOSED_ON]->(f:Enterprise)<-[:" + roles() + "]-(p:Person)-[:" + roles()
                                + "]->(o:Enterprise) WHERE o <> f WITH DISTINCT o, f, p, pen "
                                + "RETURN o.uscc AS uscc, o.name AS name, p.name AS person, f.uscc AS penalised, pen.id AS penalty"),
                Arguments.of("complaint-hotspots", Map.of("min_complaints", 1L),
                        "MATCH (a:Address)<-[:LOCATED_AT]-(e:Enterprise)<-[:COMPLAINS_ABOUT]-(c:Complaint) "
                                + "WITH a, count(c) AS complaints, collect(DISTINCT e.name) AS firms WHERE complaints >= $min_complaints "
                                + "RETURN a.address AS address, complaints, firms"),
                Arguments.of("paths-between-firms", Map.of("from_uscc", "91310105MA1GH00743", "to_uscc", "91310109MA1FK0185K",
                                "max_degree", 50L),
                        "MATCH (a:Enterprise {uscc: $from_uscc}), (b:Enterprise {uscc: $to_uscc}) "
                                + "MATCH p = allShortestPaths((a)-[*..4]-(b)) WHERE all(n IN nodes(p)[1..-1] WHERE COUNT { (n)--() } <= $max_degree) "
                                + "RETURN length(p) AS hops, [n IN nodes(p) | coalesce(n.uscc, n.person_id, n.address, n.number, n.id, labels(n)[0])] AS path"));
    }

    static String roles() {
        return GremlinCatalogue.ROLES.replace("'", "").replace(", ", "|");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameRowsAsCypher(String name, Map<String, Object> params, String cypherStatement) {
        NamedQuery g = GremlinCatalogue.INSTANCE.get(name);
        g.checkParams(params.keySet());
        String statement = cypherStatement != null ? cypherStatement : new QueryCatalogue().get(name).statement();
        QueryResult fromCypher = cypher.run(statement, params, QueryLimits.DEFAULT);
        QueryResult fromGremlin = gremlin.run(g.statement(), params, QueryLimits.DEFAULT);
        assertThat(fromCypher.rows()).as(name + " finds something on the fixture").isNotEmpty();
        assertThat(fromGremlin.columns()).as(name).containsExactlyElementsOf(
                fromCypher.columns().stream().filter(c -> !c.equals("relation")).toList());
        assertThat(rows(fromGremlin, fromGremlin.columns())).as(name).isEqualTo(rows(fromCypher, fromGremlin.columns()));
    }

    /**
     * supplier-failures where lists are stored as JSON text, as riskgraph stores them on JanusGraph and every server
     * other than TinkerGraph: an embedded server whose values are written in the portable form. The same rows as
     * Cypher (and so as the list form above).
     */
    @Test
    void supplierFailuresWithListsStoredAsText(@TempDir Path store) {
        try (GremlinConnection c = GremlinConnection.embedded(store)) {
            GremlinValues.register(c.g(), GremlinValues.PORTABLE);
            new Ingestor(new GremlinGraphStore(c.g()), IDS, Ingestor.Options.DEFAULT)
                    .ingest(CITY, store.resolve("rejects.csv"), ProgressListener.NONE);
            List<Object> stored = c.g().V().hasLabel("Sample").has("failed_items").values("failed_items").toList();
            assertThat(stored).as("failed_items are stored as text here").isNotEmpty()
                    .allSatisfy(v -> assertThat(v).isInstanceOf(String.class).asString().startsWith("[\""));
            Map<String, Object> params = Map.of("min_sites", 2L);
            QueryResult fromText = new GremlinQueryRunner(c.g())
                    .run(GremlinCatalogue.INSTANCE.get("supplier-failures").statement(), params, QueryLimits.DEFAULT);
            QueryResult fromCypher = cypher.run(new QueryCatalogue().get("supplier-failures").statement(), params,
                    QueryLimits.DEFAULT);
            assertThat(fromText.rows()).isNotEmpty();
            assertThat(rows(fromText, fromText.columns())).isEqualTo(rows(fromCypher, fromText.columns()));
        }
    }

    @Test
    void everyQueryIsCoveredOrNamedAsGremlinOnly() {
        Set<String> tested = new HashSet<>();
        cases().forEach(a -> tested.add((String) a.get()[0]));
        Set<String> all = new HashSet<>();
        GremlinCatalogue.INSTANCE.all().forEach(q -> all.add(q.name()));
        all.removeAll(tested);
        // the two kept from the first catalogue, run by BackendParityTest and the demo
        assertThat(all).containsExactlyInAnyOrder("busy-addresses", "role-holders-elsewhere");
        for (String kept : all) {
            NamedQuery q = GremlinCatalogue.INSTANCE.get(kept);
            Map<String, Object> params = kept.equals("busy-addresses") ? Map.of("min_firms", 2L) : Map.of("uscc", SNACK_CHAIN_TOP);
            assertThat(gremlin.run(q.statement(), params, QueryLimits.DEFAULT).rows()).as(kept).isNotEmpty();
        }
    }

    /** The rows as a set of column -> value maps, normalised so that both languages' values compare. */
    static Set<Map<String, Object>> rows(QueryResult r, List<String> columns) {
        Set<Map<String, Object>> out = new HashSet<>();
        for (List<Object> row : r.rows()) {
            Map<String, Object> m = new TreeMap<>();
            for (String c : columns) m.put(c, normal(row.get(r.columns().indexOf(c))));
            out.add(m);
        }
        return out;
    }

    static Object normal(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof OffsetDateTime t) return t.toInstant();
        if (v instanceof ZonedDateTime t) return t.toInstant();
        if (v instanceof Temporal t) return t.toString();
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(normal(o));
            if (!isPath(out)) out.sort(Comparator.comparing(String::valueOf));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normal(x)));
            return out;
        }
        return v;
    }

    /** A path's order matters (paths-between-firms); its first element is an enterprise's USCC. */
    static boolean isPath(List<Object> l) {
        return !l.isEmpty() && String.valueOf(l.get(0)).startsWith("9131");
    }
}
