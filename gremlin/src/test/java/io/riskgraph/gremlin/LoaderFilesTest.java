package io.riskgraph.gremlin;

import io.riskgraph.ingest.IngestSummary;
import io.riskgraph.ingest.Ingestor;
import io.riskgraph.model.id.IdProtector;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphStore;
import org.apache.tinkerpop.gremlin.process.traversal.IO;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONMapper;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONReader;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONVersion;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONXModuleV3;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vendors' loader files hold the graph an online load makes: examples/small-city loaded through the store into
 * an in-memory TinkerGraph and written out, then read back the way a server reads them ({@code g.io(file).read()})
 * and compared element by element with the same folder loaded online into the embedded Gremlin Server.
 */
class LoaderFilesTest {
    static final Path CITY = Path.of("../examples/small-city");
    static final IdProtector IDS = new IdProtector("loader-files-test-key-of-32-bytes!!".getBytes());
    static TinkerGraph offline;
    static Map<String, Map<String, Object>> onlineVertices;
    static Map<String, Map<String, Object>> onlineEdges;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() {
        offline = LoaderFiles.newGraph();
        IngestSummary s = new Ingestor(LoaderFiles.store(offline), IDS, new Ingestor.Options(5_000, 1))
                .ingest(CITY, dir.resolve("offline-rejects.csv"), ProgressListener.NONE);
        assertThat(s.written()).isPositive();
        TestGremlin.clear();
        GraphStore online = TestGremlin.store();
        new Ingestor(online, IDS, Ingestor.Options.DEFAULT).ingest(CITY, dir.resolve("online-rejects.csv"), ProgressListener.NONE);
        GraphTraversalSource g = TestGremlin.connection().g();
        onlineVertices = new TreeMap<>();
        for (Map<Object, Object> m : g.V().elementMap().toList()) {
            Map<String, Object> p = new TreeMap<>();
            m.forEach((k, v) -> {
                if (k instanceof String s2) p.put(s2, v);
            });
            p.put("~label", String.valueOf(m.get(org.apache.tinkerpop.gremlin.structure.T.label)));
            onlineVertices.put((String) p.get(GremlinGraphStore.UID), p);
        }
        onlineEdges = new TreeMap<>();
        for (Map<String, Object> m : g.E().project("o", "t", "i", "p").by(org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.outV().values("uid"))
                .by(org.apache.tinkerpop.gremlin.structure.T.label).by(org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.inV().values("uid"))
                .by(org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.valueMap()).toList()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = new TreeMap<>((Map<String, Object>) m.get("p"));
            onlineEdges.put(m.get("o") + "|" + m.get("t") + "|" + m.get("i"), p);
        }
        assertThat(onlineVertices).hasSizeGreaterThan(100);
        assertThat(onlineEdges).hasSizeGreaterThan(100);
    }

    /** Element by element, property by property: what differs (value and type), as readable lines. */
    static List<String> differences(Map<String, Map<String, Object>> actual, Map<String, Map<String, Object>> expected) {
        List<String> out = new java.util.ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            Map<String, Object> a = actual.get(k);
            Map<String, Object> e = expected.get(k);
            if (a == null || e == null) {
                out.add(k + (a == null ? " missing" : " extra"));
                continue;
            }
            java.util.Set<String> names = new java.util.TreeSet<>(e.keySet());
            names.addAll(a.keySet());
            for (String n : names) {
                Object x = a.get(n);
                Object y = e.get(n);
                if (!java.util.Objects.equals(x, y)) {
                    out.add(k + "." + n + ": " + x + " (" + (x == null ? "" : x.getClass().getSimpleName()) + ") instead of "
                            + y + " (" + (y == null ? "" : y.getClass().getSimpleName()) + ")");
                }
            }
        }
        return out.size() > 20 ? out.subList(0, 20) : out;
    }

    static Map<String, Object> props(Element e) {
        Map<String, Object> p = new TreeMap<>();
        e.properties().forEachRemaining(x -> p.put(x.key(), x.value()));
        return p;
    }

    /** The elements with every date and date-time as its ISO-8601 text. */
    static Map<String, Map<String, Object>> datesAsText(Map<String, Map<String, Object>> elements) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        elements.forEach((k, p) -> {
            Map<String, Object> q = new TreeMap<>(p);
            q.replaceAll((name, v) -> v instanceof java.time.temporal.Temporal ? v.toString() : v);
            out.put(k, q);
        });
        return out;
    }

    static Map<String, Map<String, Object>> vertices(TinkerGraph read) {
        Map<String, Map<String, Object>> vertices = new TreeMap<>();
        read.vertices().forEachRemaining(v -> {
            Map<String, Object> p = props(v);
            p.put("~label", v.label());
            vertices.put((String) p.get(GremlinGraphStore.UID), p);
        });
        return vertices;
    }

    static Map<String, Map<String, Object>> edges(TinkerGraph read) {
        Map<String, Map<String, Object>> edges = new TreeMap<>();
        read.edges().forEachRemaining(e -> edges.put(e.vertices(Direction.OUT).next().value(GremlinGraphStore.UID) + "|" + e.label()
                + "|" + e.vertices(Direction.IN).next().value(GremlinGraphStore.UID), props(e)));
        return edges;
    }

    @Test
    void graphSonReadWithTheExtendedTypesIsTheOnlineGraph() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestGremlin.janusGraph(),
                "compares the files with the online graph as TinkerGraph holds it (typed dates, lists); JanusGraph holds them as text");
        Path file = dir.resolve("city-x.json");
        LoaderFiles.Written w = LoaderFiles.writeGraphSon(offline, file);
        assertThat(w.vertices()).isEqualTo(onlineVertices.size());
        assertThat(w.edges()).isEqualTo(onlineEdges.size());
        // one vertex per line, as GraphSON adjacency lists are
        assertThat(Files.readAllLines(file)).hasSize(onlineVertices.size());
        TinkerGraph read = TinkerGraph.open();
        try (var in = Files.newInputStream(file)) {
            GraphSONReader.build().mapper(GraphSONMapper.build().version(GraphSONVersion.V3_0)
                    .addCustomModule(GraphSONXModuleV3.build()).create()).create().readGraph(in, read);
        }
        assertThat(differences(vertices(read), onlineVertices)).isEmpty();
        assertThat(differences(edges(read), onlineEdges)).isEmpty();
        Object established = vertices(read).get("Enterprise:91310104MA1FK0037N").get("established");
        assertThat(established).isEqualTo(LocalDate.of(2005, 3, 18));
    }

    @Test
    void graphSonReadByGioIsTheOnlineGraphWithDatesAsText() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestGremlin.janusGraph(),
                "compares the files with the online graph as TinkerGraph holds it (typed dates, lists); JanusGraph holds them as text");
        Path file = dir.resolve("city.json");
        LoaderFiles.writeGraphSon(offline, file);
        TinkerGraph read = TinkerGraph.open();
        // what a server runs: g.io(file).read(), whose GraphSON reader knows only the core types
        read.traversal().io(file.toString()).with(IO.reader, IO.graphson).read().iterate();
        assertThat(differences(vertices(read), datesAsText(onlineVertices))).isEmpty();
        assertThat(differences(edges(read), datesAsText(onlineEdges))).isEmpty();
        assertThat(vertices(read).get("Enterprise:91310104MA1FK0037N").get("established")).isEqualTo("2005-03-18");
    }

    @Test
    void neptuneCsvHasAFilePerLabelAndTypeKeyedByUid() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestGremlin.janusGraph(),
                "compares the files with the online graph as TinkerGraph holds it (typed dates, lists); JanusGraph holds them as text");
        Path out = dir.resolve("neptune");
        LoaderFiles.Written w = LoaderFiles.writeNeptuneCsv(offline, out);
        assertThat(w.vertices()).isEqualTo(onlineVertices.size());
        assertThat(w.edges()).isEqualTo(onlineEdges.size());
        Map<String, Long> perLabel = new HashMap<>();
        onlineVertices.values().forEach(p -> perLabel.merge((String) p.get("~label"), 1L, Long::sum));
        for (var e : perLabel.entrySet()) {
            List<String> lines = Files.readAllLines(out.resolve("vertices-" + e.getKey() + ".csv"));
            assertThat(lines).hasSize(e.getValue().intValue() + 1);
            assertThat(lines.get(0)).startsWith("~id,~label,").contains("uid:String");
        }
        List<String> firms = Files.readAllLines(out.resolve("vertices-Enterprise.csv"));
        List<String> header = List.of(firms.get(0).split(","));
        assertThat(header).contains("uscc:String", "established:Date");
        // the ~id is the uid, which is also a column
        String[] first = firms.get(1).split(",", -1);
        assertThat(first[0]).startsWith("Enterprise:").isEqualTo(first[header.indexOf("uid:String")]);
        assertThat(onlineVertices).containsKey(first[0]);
        List<String> edges = Files.readAllLines(out.resolve("edges-LOCATED_AT.csv"));
        assertThat(edges.get(0)).startsWith("~id,~from,~to,~label");
        long located = onlineEdges.keySet().stream().filter(k -> k.contains("|LOCATED_AT|")).count();
        assertThat(edges).hasSize((int) located + 1);
        String[] edge = edges.get(1).split(",", -1);
        assertThat(onlineEdges).containsKey(edge[0]);
        assertThat(edge[0]).isEqualTo(edge[1] + "|LOCATED_AT|" + edge[2]);
        assertThat(onlineVertices).containsKeys(edge[1], edge[2]);
    }

    /**
     * hugegraph-loader's input: struct.json parses and names every file and column, schema.groovy declares every
     * property key, vertex label (primary key uid) and edge label the mapping uses, the files hold exactly the online
     * graph's vertices and edges, and every edge's ends are vertices of its edge label's source and target labels.
     */
    @Test
    void hugeGraphFilesMappingAndSchemaAgreeWithTheGraph() throws Exception {
        Path out = dir.resolve("hugegraph");
        LoaderFiles.Written w = LoaderFiles.writeHugeGraph(offline, out);
        assertThat(w.vertices()).isEqualTo(onlineVertices.size());
        assertThat(w.edges()).isEqualTo(onlineEdges.size());
        com.fasterxml.jackson.databind.JsonNode struct = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("struct.json").toFile());
        String schema = Files.readString(out.resolve("schema.groovy"));
        java.util.Set<String> keys = new java.util.HashSet<>();
        java.util.regex.Matcher k = java.util.regex.Pattern.compile("schema\\.propertyKey\\(\"([^\"]+)\"\\)").matcher(schema);
        while (k.find()) keys.add(k.group(1));
        Path abs = out.toAbsolutePath().normalize();
        java.util.Set<Path> named = new java.util.HashSet<>(List.of(abs.resolve("struct.json"), abs.resolve("schema.groovy")));
        Map<String, String> labelOfUid = new HashMap<>();
        for (var m : struct.get("vertices")) {
            String label = m.get("label").asText();
            List<String> header = strings(m.get("input").get("header"));
            Path file = Path.of(m.get("input").get("path").asText());
            assertThat(file).isEqualTo(abs.resolve("vertex_" + label + ".csv"));
            assertThat(named.add(file)).as(file + " named once").isTrue();
            assertThat(header.get(0)).isEqualTo("uid");
            assertThat(keys).as(label + " columns are property keys").containsAll(header);
            assertThat(schema).contains("schema.vertexLabel(\"" + label + "\").properties(" + quoted(header)
                    + ").primaryKeys(\"uid\")");
            for (List<String> row : csv(file)) {
                assertThat(row).as(file + " row " + row).hasSize(header.size());
                assertThat(row.get(0)).startsWith(label + ":");
                assertThat(labelOfUid.put(row.get(0), label)).as(row.get(0) + " once").isNull();
            }
        }
        assertThat(labelOfUid.keySet()).isEqualTo(onlineVertices.keySet());
        java.util.Set<String> edgeKeys = new java.util.HashSet<>();
        for (var m : struct.get("edges")) {
            String label = m.get("label").asText();
            String type = label.contains("__") ? label.substring(0, label.indexOf("__")) : label;
            List<String> header = strings(m.get("input").get("header"));
            Path file = Path.of(m.get("input").get("path").asText());
            assertThat(file).isEqualTo(abs.resolve("edge_" + label + ".csv"));
            assertThat(named.add(file)).as(file + " named once").isTrue();
            assertThat(header.subList(0, 2)).containsExactly("out_uid", "in_uid");
            assertThat(strings(m.get("source"))).containsExactly("out_uid");
            assertThat(strings(m.get("target"))).containsExactly("in_uid");
            assertThat(m.get("field_mapping").get("out_uid").asText()).isEqualTo("uid");
            assertThat(m.get("field_mapping").get("in_uid").asText()).isEqualTo("uid");
            assertThat(keys).containsAll(header.subList(2, header.size()));
            java.util.regex.Matcher e = java.util.regex.Pattern.compile("schema\\.edgeLabel\\(\"" + java.util.regex.Pattern.quote(label)
                    + "\"\\)\\.sourceLabel\\(\"([^\"]+)\"\\)\\.targetLabel\\(\"([^\"]+)\"\\)").matcher(schema);
            assertThat(e.find()).as("edge label " + label + " in the schema").isTrue();
            for (List<String> row : csv(file)) {
                assertThat(row).as(file + " row " + row).hasSize(header.size());
                assertThat(labelOfUid.get(row.get(0))).as("out end of " + row).isEqualTo(e.group(1));
                assertThat(labelOfUid.get(row.get(1))).as("in end of " + row).isEqualTo(e.group(2));
                assertThat(edgeKeys.add(row.get(0) + "|" + type + "|" + row.get(1))).as(row + " once").isTrue();
            }
        }
        assertThat(edgeKeys).isEqualTo(onlineEdges.keySet());
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.toAbsolutePath().normalize()).toList()).containsExactlyInAnyOrderElementsOf(named);
        }
        assertThat(w.files()).hasSize(named.size());
        // values: a date as ISO text, a list in the mapping's list format, declared as a list
        var firms = struct.get("vertices").findParents("label").stream().filter(m -> m.get("label").asText().equals("Enterprise"))
                .findFirst().orElseThrow();
        List<String> header = strings(firms.get("input").get("header"));
        List<List<String>> firms2 = csv(out.resolve("vertex_Enterprise.csv"));
        List<String> firm = firms2.stream().filter(r -> r.get(0).equals("Enterprise:91310104MA1FK0037N")).findFirst().orElseThrow();
        assertThat(firm.get(header.indexOf("established"))).isEqualTo("2005-03-18");
        List<String> segments = firms2.stream().map(r -> r.get(header.indexOf("segments"))).filter(v -> !v.isEmpty()).toList();
        assertThat(segments).isNotEmpty().allSatisfy(v -> assertThat(v).matches("\\[[A-Z_]+(\\|[A-Z_]+)*]"));
        assertThat(schema).contains("schema.propertyKey(\"segments\").asText().valueList()")
                .contains("schema.propertyKey(\"uid\").asText()");
    }

    @Test
    void aHugeGraphListItemWithTheListDelimiterIsRefused() {
        TinkerGraph g = LoaderFiles.newGraph();
        var v = g.addVertex(org.apache.tinkerpop.gremlin.structure.T.label, "Sample", "uid", "Sample:S1");
        assertThatThrownBy(() -> LoaderFiles.hugeGraphValue(v, "failed_items", List.of("lead", "a|b"), "String[]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write Sample Sample:S1: an item of its list 'failed_items' holds '|', '[' or ']' (a|b), "
                        + "which hugegraph-loader's list format cannot carry");
        assertThat(LoaderFiles.hugeGraphValue(v, "failed_items", List.of("lead", "mould"), "String[]")).isEqualTo("[lead|mould]");
        assertThat(LoaderFiles.hugeGraphValue(v, "n", 3L, "Long")).isEqualTo("3");
        assertThat(LoaderFiles.hugeGraphType("Long[]")).isEqualTo(".asLong().valueList()");
        assertThat(LoaderFiles.hugeGraphType("Date")).isEqualTo(".asText()");
    }

    static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }

    /** RFC 4180 records of a file without a header line. */
    static List<List<String>> csv(Path file) throws java.io.IOException {
        String text = Files.readString(file);
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
            } else {
                f.append(c);
            }
        }
        assertThat(f.length() == 0 && row.isEmpty()).as(file + " ends with a line break").isTrue();
        return rows;
    }

    @Test
    void aFolderWithFilesIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(out.resolve("x.csv"), "x");
        assertThatThrownBy(() -> LoaderFiles.writeNeptuneCsv(offline, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not empty");
        assertThatThrownBy(() -> LoaderFiles.writeGraphSon(offline, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a folder");
        assertThatThrownBy(() -> LoaderFiles.writeHugeGraph(offline, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the folder for loader files is not empty: " + out);
    }

    @Test
    void neptuneTypesWidenAndListsJoin() {
        assertThat(LoaderFiles.neptuneType(List.of("A", "B"))).isEqualTo("String[]");
        assertThat(LoaderFiles.widen("Long", "Double")).isEqualTo("Double");
        assertThat(LoaderFiles.widen("Long", "Date")).isEqualTo("String");
        assertThat(LoaderFiles.neptuneValue(List.of("A", "B"), "String[]")).isEqualTo("A;B");
        assertThat(LoaderFiles.neptuneValue(java.time.OffsetDateTime.parse("2026-03-01T10:00:00+08:00"), "Date"))
                .isEqualTo("2026-03-01T02:00:00Z");
    }


}
