package io.riskgraph.gremlin;

import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONMapper;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONVersion;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONWriter;
import org.apache.tinkerpop.gremlin.structure.io.graphson.GraphSONXModuleV3;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Input files for the Gremlin vendors' bulk loaders, written from a graph that the online path made: a canonical
 * dataset loaded through {@link GremlinGraphStore} into an in-memory TinkerGraph (the same merges, stubs and
 * relationship rules as a load into a server), then written out as
 * <ul>
 *   <li>{@linkplain #writeGraphSon GraphSON 3.0 adjacency lines}: one vertex per line with its edges, the format
 *       {@code g.io(file).read()} reads on any TinkerPop server (Gremlin Server, JanusGraph);</li>
 *   <li>{@linkplain #writeNeptuneCsv Amazon Neptune bulk-load CSV}: a vertex file per label
 *       ({@code ~id,~label,name:Type,...}) and an edge file per type ({@code ~id,~from,~to,~label,name:Type,...}),
 *       with the vertex's {@value GremlinGraphStore#UID} as its {@code ~id} and as a property.</li>
 * </ul>
 */
public final class LoaderFiles {
    private LoaderFiles() {}

    /** What was written: vertices, edges and the files. */
    public record Written(long vertices, long edges, List<Path> files) {}

    /** An empty in-memory graph for the load, set up as the embedded server's (LONG ids, single cardinality, uid index). */
    public static TinkerGraph newGraph() {
        return EmbeddedGremlinServer.newGraph(true);
    }

    /** A store over an in-memory graph, written through the same traversals as a server (without the network). */
    public static GremlinGraphStore store(TinkerGraph graph) {
        return new GremlinGraphStore(graph.traversal());
    }

    /**
     * The graph as GraphSON 3.0 adjacency lines ({@code GraphSONWriter.writeGraph}: one vertex with its properties
     * and its in and out edges per line, types embedded), written to a temporary file moved over {@code file}.
     */
    public static Written writeGraphSon(TinkerGraph graph, Path file) {
        if (Files.isDirectory(file)) throw new IllegalArgumentException("--out " + file + " is a folder; name the .json file to write");
        Path tmp = file.toAbsolutePath().resolveSibling(file.getFileName() + ".partial");
        try {
            if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(tmp)) {
                GraphSONWriter.build().mapper(GraphSONMapper.build().version(GraphSONVersion.V3_0)
                                .addCustomModule(GraphSONXModuleV3.build()).create()).create()
                        .writeGraph(out, graph);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the partial file is left behind; the message names the cause
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Written(count(graph.vertices()), count(graph.edges()), List.of(file));
    }

    /**
     * Neptune's bulk-load CSV: {@code vertices-LABEL.csv} per vertex label and {@code edges-TYPE.csv} per edge type in
     * {@code dir} (a new or empty folder). Column types follow the values ({@code String}, {@code Long},
     * {@code Double}, {@code Bool}, {@code Date}; lists as {@code Type[]} with {@code ;} between the values, which
     * Neptune stores as set cardinality); a column whose values have different types is written as {@code String}.
     * Edge ids are {@code outUid|TYPE|inUid}: riskgraph keeps one edge per (out, type, in).
     */
    public static Written writeNeptuneCsv(TinkerGraph graph, Path dir) {
        requireEmptyFolder(dir);
        Map<String, List<Vertex>> byLabel = new TreeMap<>();
        graph.vertices().forEachRemaining(v -> byLabel.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(v));
        Map<String, List<Edge>> byType = new TreeMap<>();
        graph.edges().forEachRemaining(e -> byType.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e));
        List<Path> files = new ArrayList<>();
        long vertices = 0;
        long edges = 0;
        try {
            for (var e : byLabel.entrySet()) {
                Path file = dir.resolve("vertices-" + fileName(e.getKey()) + ".csv");
                vertices += writeElements(file, e.getValue(), List.of("~id", "~label"), v -> List.of(uidOf(v), v.label()));
                files.add(file);
            }
            for (var e : byType.entrySet()) {
                Path file = dir.resolve("edges-" + fileName(e.getKey()) + ".csv");
                edges += writeElements(file, e.getValue(), List.of("~id", "~from", "~to", "~label"), x -> {
                    String from = uidOf(x.vertices(Direction.OUT).next());
                    String to = uidOf(x.vertices(Direction.IN).next());
                    return List.of(from + "|" + x.label() + "|" + to, from, to, x.label());
                });
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Neptune files in " + dir + ": " + e.getMessage(), e);
        }
        return new Written(vertices, edges, files);
    }

    /**
     * Input for Apache HugeGraph's bulk loader, hugegraph-loader, in {@code dir} (a new or empty folder):
     * <ul>
     *   <li>{@code vertex_LABEL.csv} per vertex label: {@value GremlinGraphStore#UID} and the label's properties, no
     *       header line (the columns are named in struct.json, as hugegraph-loader's own examples do);</li>
     *   <li>{@code edge_TYPE.csv} per relationship type: the out and in vertices' uids ({@code out_uid},
     *       {@code in_uid}) and the edge's properties. HugeGraph ties an edge label to one source and one target vertex
     *       label, so a type that riskgraph uses between several label pairs (LOCATED_AT from enterprises and from
     *       persons) becomes one edge label per pair, {@code TYPE__Source__Target}, each with its file;</li>
     *   <li>{@code schema.groovy}: the property keys (one type per name across the graph: text, long, double,
     *       boolean; dates and date-times as ISO-8601 text, as riskgraph stores them on JanusGraph; lists as
     *       {@code valueList()}), every vertex label with primary key {@value GremlinGraphStore#UID} (HugeGraph's
     *       PRIMARY_KEY id strategy, so that edges name their ends by uid) and every edge label with its source and
     *       target label;</li>
     *   <li>{@code struct.json}: the loader's mapping (file, columns, label; edges' {@code source}/{@code target}
     *       columns mapped to {@value GremlinGraphStore#UID}), with the files' absolute paths.</li>
     * </ul>
     * A list is written {@code [a|b]} (the mapping's {@code list_format}); an item holding {@code |}, {@code [} or
     * {@code ]} cannot be written so and is refused with the vertex and property named.
     */
    public static Written writeHugeGraph(TinkerGraph graph, Path dir) {
        requireEmptyFolder(dir);
        Map<String, List<Vertex>> byLabel = new TreeMap<>();
        graph.vertices().forEachRemaining(v -> byLabel.computeIfAbsent(v.label(), k -> new ArrayList<>()).add(v));
        // edges per (type, out label, in label)
        Map<String, Map<List<String>, List<Edge>>> byType = new TreeMap<>();
        graph.edges().forEachRemaining(e -> byType.computeIfAbsent(e.label(), k -> new TreeMap<>(LoaderFiles::comparePair))
                .computeIfAbsent(List.of(e.outVertex().label(), e.inVertex().label()), k -> new ArrayList<>()).add(e));
        // one type per property key name, across vertices and edges
        Map<String, String> keyTypes = new TreeMap<>();
        graph.vertices().forEachRemaining(v -> v.properties().forEachRemaining(p -> keyTypes.merge(p.key(), neptuneType(p.value()), LoaderFiles::widen)));
        graph.edges().forEachRemaining(e -> e.properties().forEachRemaining(p -> keyTypes.merge(p.key(), neptuneType(p.value()), LoaderFiles::widen)));
        keyTypes.put(GremlinGraphStore.UID, "String");
        StringBuilder schema = new StringBuilder();
        schema.append("// riskgraph's graph for Apache HugeGraph: run by hugegraph-loader (-s) before the files are loaded\n");
        keyTypes.forEach((k, t) -> schema.append("schema.propertyKey(").append(groovy(k)).append(")").append(hugeGraphType(t))
                .append(".ifNotExist().create();\n"));
        List<Map<String, Object>> vertexMappings = new ArrayList<>();
        List<Map<String, Object>> edgeMappings = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        long vertices = 0;
        long edges = 0;
        try {
            for (var e : byLabel.entrySet()) {
                List<String> columns = columns(e.getValue(), List.of(GremlinGraphStore.UID));
                Path file = dir.resolve("vertex_" + fileName(e.getKey()) + ".csv");
                vertices += writeHugeGraphRows(file, e.getValue(), columns, keyTypes, x -> List.of());
                files.add(file);
                schema.append("schema.vertexLabel(").append(groovy(e.getKey())).append(")")
                        .append(".properties(").append(groovyList(columns)).append(")")
                        .append(".primaryKeys(").append(groovy(GremlinGraphStore.UID)).append(")");
                List<String> nullable = columns.subList(1, columns.size());
                if (!nullable.isEmpty()) schema.append(".nullableKeys(").append(groovyList(nullable)).append(")");
                schema.append(".ifNotExist().create();\n");
                vertexMappings.add(mapping(e.getKey(), file, columns, null, null));
            }
            for (var t : byType.entrySet()) {
                for (var pair : t.getValue().entrySet()) {
                    String label = t.getValue().size() == 1 ? t.getKey()
                            : t.getKey() + "__" + pair.getKey().get(0) + "__" + pair.getKey().get(1);
                    List<String> props = columns(pair.getValue(), List.of());
                    List<String> columns = new ArrayList<>(List.of("out_uid", "in_uid"));
                    columns.addAll(props);
                    Path file = dir.resolve("edge_" + fileName(label) + ".csv");
                    edges += writeHugeGraphRows(file, pair.getValue(), props, keyTypes,
                            x -> List.of(uidOf(x.vertices(Direction.OUT).next()), uidOf(x.vertices(Direction.IN).next())));
                    files.add(file);
                    schema.append("schema.edgeLabel(").append(groovy(label)).append(")")
                            .append(".sourceLabel(").append(groovy(pair.getKey().get(0))).append(")")
                            .append(".targetLabel(").append(groovy(pair.getKey().get(1))).append(")");
                    if (!props.isEmpty()) {
                        schema.append(".properties(").append(groovyList(props)).append(")")
                                .append(".nullableKeys(").append(groovyList(props)).append(")");
                    }
                    schema.append(".ifNotExist().create();\n");
                    edgeMappings.add(mapping(label, file, columns, "out_uid", "in_uid"));
                }
            }
            Path schemaFile = dir.resolve("schema.groovy");
            Files.writeString(schemaFile, schema.toString(), StandardCharsets.UTF_8);
            Path struct = dir.resolve("struct.json");
            Map<String, Object> mapping = new java.util.LinkedHashMap<>();
            mapping.put("vertices", vertexMappings);
            mapping.put("edges", edgeMappings);
            Files.writeString(struct, new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(mapping) + "\n", StandardCharsets.UTF_8);
            files.add(schemaFile);
            files.add(struct);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HugeGraph files in " + dir + ": " + e.getMessage(), e);
        }
        return new Written(vertices, edges, files);
    }

    private static int comparePair(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }

    /** The fixed columns, then every property key the elements have (sorted), without the fixed ones. */
    private static <E extends Element> List<String> columns(List<E> elements, List<String> first) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (E x : elements) keys.addAll(x.keys());
        keys.removeAll(first);
        List<String> out = new ArrayList<>(first);
        out.addAll(keys);
        return out;
    }

    /** One hugegraph-loader mapping: label, the file with its columns, and for edges the columns naming the ends. */
    private static Map<String, Object> mapping(String label, Path file, List<String> columns, String source, String target) {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("type", "file");
        input.put("path", file.toAbsolutePath().normalize().toString());
        input.put("format", "CSV");
        input.put("header", columns);
        input.put("charset", "UTF-8");
        input.put("list_format", Map.of("start_symbol", "[", "elem_delimiter", "|", "end_symbol", "]"));
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("label", label);
        if (source != null) {
            m.put("source", List.of(source));
            m.put("target", List.of(target));
            m.put("field_mapping", Map.of(source, GremlinGraphStore.UID, target, GremlinGraphStore.UID));
        }
        m.put("input", input);
        m.put("null_values", List.of(""));
        return m;
    }

    /** The rows of one HugeGraph file (no header line): the fixed fields, then the columns' values ('' when absent). */
    private static <E extends Element> long writeHugeGraphRows(Path file, List<E> elements, List<String> columns,
                                                               Map<String, String> keyTypes,
                                                               Function<E, List<String>> fixed) throws IOException {
        try (Writer w = writer(file)) {
            for (E x : elements) {
                List<String> row = new ArrayList<>(fixed.apply(x));
                for (String c : columns) {
                    Property<Object> p = x.property(c);
                    row.add(p.isPresent() ? hugeGraphValue(x, c, p.value(), keyTypes.get(c)) : "");
                }
                line(w, row);
            }
        }
        return elements.size();
    }

    /** A value as hugegraph-loader reads it for a key of the type: dates as ISO text, lists as [a|b]. */
    static String hugeGraphValue(Element owner, String key, Object v, String type) {
        if (type.endsWith("[]")) {
            Collection<?> items = v instanceof Collection<?> c ? c : List.of(v);
            List<String> parts = new ArrayList<>();
            for (Object o : items) {
                String item = hugeGraphValue(owner, key, o, type.replace("[]", ""));
                if (item.contains("|") || item.contains("[") || item.contains("]")) {
                    throw new IllegalArgumentException("cannot write " + owner.label() + " " + uidOrId(owner) + ": an item of its list '"
                            + key + "' holds '|', '[' or ']' (" + item + "), which hugegraph-loader's list format cannot carry");
                }
                parts.add(item);
            }
            return "[" + String.join("|", parts) + "]";
        }
        if (v instanceof Collection<?> c) return GremlinValues.PORTABLE.write(new ArrayList<>(c)).toString();
        Object text = v instanceof java.time.temporal.Temporal ? GremlinValues.PORTABLE.write(v) : v;
        return String.valueOf(text);
    }

    private static String uidOrId(Element e) {
        return e instanceof Vertex v && v.property(GremlinGraphStore.UID).isPresent() ? uidOf(v) : String.valueOf(e.id());
    }

    /** HugeGraph's property key type for a column type of {@link #neptuneType}. */
    static String hugeGraphType(String type) {
        boolean list = type.endsWith("[]");
        String t = switch (type.replace("[]", "")) {
            case "Long" -> ".asLong()";
            case "Double" -> ".asDouble()";
            case "Bool" -> ".asBoolean()";
            default -> ".asText()"; // String, Date (ISO-8601 text)
        };
        return list ? t + ".valueList()" : t;
    }

    private static String groovy(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }

    private static String groovyList(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String n : names) q.add(groovy(n));
        return String.join(", ", q);
    }

    /** The hugegraph-loader call for the files, printed by the CLI. */
    public static String hugeGraphInstructions(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return String.join("\n",
                "Apache HugeGraph (hugegraph-loader, from HugeGraph's toolchain release): with the server running, from",
                "the loader's folder:",
                "",
                "  bin/hugegraph-loader.sh -g hugegraph -f " + d.resolve("struct.json") + " -s " + d.resolve("schema.groovy")
                        + " -h HOST -p 8080",
                "",
                "The schema gives every vertex label the primary key 'uid' (Label:key), which the edge files name as their",
                "ends. struct.json names the files by this machine's paths: copy the folder and adjust them, or run the",
                "loader where the folder is. (riskgraph itself refuses HugeGraph's releases on TinkerPop 3.5; this is",
                "for a first load and HugeGraph's own tools.)");
    }

    /** One Neptune file: the fixed columns, then a typed column per property any of the elements has. */
    private static <E extends Element> long writeElements(Path file, List<E> elements, List<String> fixedHeader,
                                                          Function<E, List<String>> fixed) throws IOException {
        Map<String, String> types = new TreeMap<>();
        for (E x : elements) x.properties().forEachRemaining(p -> types.merge(p.key(), neptuneType(p.value()), LoaderFiles::widen));
        try (Writer w = writer(file)) {
            List<String> header = new ArrayList<>(fixedHeader);
            types.forEach((k, t) -> header.add(k + ":" + t));
            line(w, header);
            for (E x : elements) {
                List<String> row = new ArrayList<>(fixed.apply(x));
                for (var t : types.entrySet()) {
                    Property<Object> p = x.property(t.getKey());
                    row.add(p.isPresent() ? neptuneValue(p.value(), t.getValue()) : "");
                }
                line(w, row);
            }
        }
        return elements.size();
    }

    /** A new or empty folder, created when missing; a folder with files is refused. */
    public static void requireEmptyFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) throw new IllegalArgumentException("the folder for loader files is not empty: " + dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String uidOf(Vertex v) {
        VertexProperty<Object> p = v.property(GremlinGraphStore.UID);
        if (!p.isPresent()) throw new IllegalStateException("vertex " + v.id() + " (" + v.label() + ") has no " + GremlinGraphStore.UID);
        return String.valueOf(p.value());
    }

    /** Labels and types are identifiers already; anything else in a file name becomes '_'. */
    private static String fileName(String label) {
        return label.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Neptune's type name for a value; lists as {@code Type[]}. */
    static String neptuneType(Object v) {
        if (v instanceof Collection<?> c) {
            String t = null;
            for (Object o : c) t = t == null ? neptuneType(o) : widen(t, neptuneType(o));
            return (t == null ? "String" : t.replace("[]", "")) + "[]";
        }
        if (v instanceof Boolean) return "Bool";
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) return "Long";
        if (v instanceof Double || v instanceof Float) return "Double";
        if (v instanceof LocalDate || v instanceof OffsetDateTime || v instanceof Instant || v instanceof java.util.Date) return "Date";
        return "String";
    }

    /** Two types of one column: the same, Long and Double make Double, anything else String (lists String[]). */
    static String widen(String a, String b) {
        if (a.equals(b)) return a;
        boolean list = a.endsWith("[]") || b.endsWith("[]");
        String x = a.replace("[]", "");
        String y = b.replace("[]", "");
        String t = x.equals(y) ? x : (Set2.of(x, y).equals(Set2.of("Long", "Double")) ? "Double" : "String");
        return list ? t + "[]" : t;
    }

    /** An unordered pair, for {@link #widen}. */
    private record Set2(String lo, String hi) {
        static Set2 of(String a, String b) { return a.compareTo(b) <= 0 ? new Set2(a, b) : new Set2(b, a); }
    }

    /** A value as Neptune reads it in a column of the type: dates ISO-8601 (UTC for instants), lists joined by ';'. */
    static String neptuneValue(Object v, String type) {
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object o : c) parts.add(neptuneValue(o, type.replace("[]", "")));
            return String.join(";", parts);
        }
        if (v instanceof OffsetDateTime t) return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (v instanceof Instant i) return DateTimeFormatter.ISO_INSTANT.format(i);
        if (v instanceof java.util.Date d) return DateTimeFormatter.ISO_INSTANT.format(d.toInstant());
        if (v instanceof LocalDate d) return d.toString();
        return String.valueOf(v);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    /** One CSV line (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled). */
    static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                w.write('"');
                w.write(f.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(f);
            }
        }
        w.write('\n');
    }

    private static long count(Iterator<?> it) {
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    /** The vendors' load instructions for the files, printed by the CLI. */
    public static String neptuneInstructions(Path dir) {
        return String.join("\n",
                "Amazon Neptune (bulk loader, Gremlin CSV format): copy the folder to S3 and start a load from a host",
                "that reaches the cluster, with an IAM role the cluster may assume:",
                "",
                "  aws s3 cp --recursive " + dir.toAbsolutePath().normalize() + " s3://BUCKET/riskgraph/",
                "  curl -X POST -H 'Content-Type: application/json' https://CLUSTER:8182/loader -d '{",
                "    \"source\": \"s3://BUCKET/riskgraph/\", \"format\": \"csv\", \"region\": \"REGION\",",
                "    \"iamRoleArn\": \"arn:aws:iam::ACCOUNT:role/NeptuneLoadFromS3\", \"failOnError\": \"TRUE\",",
                "    \"parallelism\": \"MEDIUM\", \"updateSingleCardinalityProperties\": \"TRUE\" }'",
                "  curl https://CLUSTER:8182/loader/LOAD_ID   # the load's status",
                "",
                "Vertex ids are riskgraph's uid (Label:key), which the edge files' ~from and ~to refer to. Note:",
                "riskgraph's own commands cannot run on Neptune yet (its projection needs numeric vertex ids).");
    }

    public static String graphSonInstructions(Path file) {
        return String.join("\n",
                "Any TinkerPop server (Gremlin Server, JanusGraph): put the file where the server can read it and run,",
                "once, in a Gremlin console or through the driver:",
                "",
                "  g.io('" + file.toAbsolutePath().normalize() + "').with(IO.reader, IO.graphson).read().iterate()",
                "",
                "JanusGraph: define the schema first (property key 'uid' with a unique composite index 'byUid', see",
                "docs/backends.md), and for a large file set storage.batch-loading=true while loading. The vertex ids in",
                "the file are the in-memory graph's; JanusGraph assigns its own, the 'uid' property is the key.");
    }
}
