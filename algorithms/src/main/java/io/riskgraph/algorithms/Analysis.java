package io.riskgraph.algorithms;

import io.riskgraph.algorithms.centrality.Betweenness;
import io.riskgraph.algorithms.centrality.BetweennessConfig;
import io.riskgraph.algorithms.centrality.PageRank;
import io.riskgraph.algorithms.centrality.PageRankConfig;
import io.riskgraph.algorithms.centrality.WeightedDegree;
import io.riskgraph.algorithms.community.Louvain;
import io.riskgraph.algorithms.community.LouvainConfig;
import io.riskgraph.algorithms.community.WeaklyConnectedComponents;
import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.MemoryEstimate;
import io.riskgraph.algorithms.projection.Orientation;
import io.riskgraph.algorithms.projection.ProjectionSpec;
import io.riskgraph.algorithms.projection.Projector;
import io.riskgraph.algorithms.propagation.EventRisk;
import io.riskgraph.algorithms.propagation.EventRiskWeights;
import io.riskgraph.algorithms.propagation.PropagationConfig;
import io.riskgraph.algorithms.propagation.RiskPropagation;
import io.riskgraph.algorithms.writeback.PropertyNames;
import io.riskgraph.algorithms.writeback.PropertyWriter;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.WriteCounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The facade the CLI calls. {@link #runStandard} projects the party network once (enterprises, persons and their
 * contact points, undirected, weighted by relationship type), runs the standard set, writes the results back and
 * returns a summary; {@link #runOne} runs one named algorithm and returns rows keyed by business key for CSV.
 *
 * <p>Business keys and the event filters (a sample's result, a complaint's verification) are read in bulk with
 * {@link GraphStore#streamNodeProperty}.
 */
public final class Analysis {
    public static final List<String> STANDARD_LABELS = PropagationConfig.LABELS_DEFAULT;
    public static final Map<String, Double> STANDARD_WEIGHTS = PropagationConfig.TYPE_WEIGHTS_DEFAULT;
    /** The label whose nodes get every result written back (other nodes get their risk only). */
    public static final String ENTERPRISE = "Enterprise";
    /** Key property per label, for result rows. */
    public static final Map<String, String> KEY_PROPERTIES = Map.of("Enterprise", "uscc", "Person", "person_id",
            "Address", "address", "Phone", "number", "Inspector", "inspector_id", "Segment", "code");

    /** An algorithm the CLI can name: its description, default orientation and the parameters it accepts. */
    public record Algorithm(String name, String description, Orientation orientation, List<String> parameters) {}

    /** Every algorithm by name, in one place. */
    public static final Map<String, Algorithm> ALGORITHMS = algorithms();

    private static Map<String, Algorithm> algorithms() {
        Map<String, Algorithm> m = new LinkedHashMap<>();
        for (Algorithm a : List.of(
                new Algorithm("pagerank", "PageRank (NetworkX conventions)", Orientation.NATURAL,
                        List.of("dampingFactor", "maxIterations", "tolerance", "weighted", "precision")),
                new Algorithm("degree", "weighted degree (sum of type weights)", Orientation.UNDIRECTED, List.of()),
                new Algorithm("betweenness", "betweenness, exact or sampled with an error bound", Orientation.UNDIRECTED,
                        List.of("samples", "exactNodeLimit", "seed", "workBudget")),
                new Algorithm("wcc", "weakly connected components", Orientation.UNDIRECTED, List.of()),
                new Algorithm("louvain", "Louvain communities with modularity", Orientation.UNDIRECTED,
                        List.of("resolution", "maxLevels")),
                new Algorithm("risk", "own and inherited risk with the strongest source", Orientation.UNDIRECTED,
                        List.of("decay", "maxHops", "hubDegree")))) {
            m.put(a.name(), a);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Rows for CSV: column names, then one row per node (label, key, values...). */
    public record Table(List<String> columns, List<List<Object>> rows) {}

    /** What a standard run did. */
    public record Summary(long nodes, long relationships, long estimatedBytes, long graphBytes,
                          Map<String, Long> millis, double modularity, int communities, int components,
                          boolean betweennessExact, int betweennessSources, double betweennessErrorBound, int riskSources,
                          Map<String, Long> eventsCounted, long propertiesWritten, List<String> warnings) {}

    private final PropagationConfig propagation;
    private final EventRiskWeights eventWeights;

    public Analysis() {
        this(PropagationConfig.DEFAULT, EventRiskWeights.DEFAULT);
    }

    public Analysis(PropagationConfig propagation, EventRiskWeights eventWeights) {
        this.propagation = propagation;
        this.eventWeights = eventWeights;
    }

    public static Algorithm algorithm(String name) {
        Algorithm a = name == null ? null : ALGORITHMS.get(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "'; valid: "
                    + String.join(", ", ALGORITHMS.keySet()));
        }
        return a;
    }

    public Summary runStandard(GraphStore store, ProgressListener progress, Cancellation cancellation) {
        progress = progress == null ? ProgressListener.NONE : progress;
        cancellation = cancellation == null ? Cancellation.NEVER : cancellation;
        Map<String, Long> millis = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        ProjectionSpec spec = propagation.projection();
        Projector projector = new Projector(store);
        MemoryEstimate estimate = projector.estimate(spec);
        long t = System.nanoTime();
        CompactGraph g = projector.load(spec, progress, cancellation);
        t = lap(millis, "projection", t);

        double[] pagerank = new PageRank(g, PageRankConfig.DEFAULT.withWeighted(true), progress, cancellation).scores();
        t = lap(millis, "pagerank", t);
        double[] degree = WeightedDegree.compute(g);
        t = lap(millis, "degree", t);
        Betweenness.Result bc = new Betweenness(g, BetweennessConfig.DEFAULT, progress, cancellation).result();
        t = lap(millis, "betweenness", t);
        WeaklyConnectedComponents wcc = new WeaklyConnectedComponents(g, cancellation);
        int[] components = wcc.components();
        int[] sizes = wcc.componentSizes();
        t = lap(millis, "wcc", t);
        Louvain.Result louvain = new Louvain(g, LouvainConfig.DEFAULT, progress, cancellation).result();
        t = lap(millis, "louvain", t);
        EventRisk.Counts events = EventRisk.compute(store, g, eventWeights, cancellation);
        RiskPropagation.Result risk = new RiskPropagation(g, propagation, events.own(), progress, cancellation).result();
        t = lap(millis, "risk", t);

        // what later steps read: grading reads all eight on enterprises; the API reads a related party's inherited
        // risk on any node. Own risk on persons, addresses and phones is read by nothing (it is their weighted event
        // count), so it is removed there rather than written: at 2.9 M firms 15 M fewer properties, about a quarter
        // of the write-back (BENCHMARKS.md, "analyze at 2.9 M")
        Map<String, PropertyWriter.Column> others = new LinkedHashMap<>();
        others.put(PropertyNames.RISK_OWN, new PropertyWriter.Remove());
        others.put(PropertyNames.RISK_INHERITED, new PropertyWriter.Doubles(i -> risk.inherited()[i]));
        Map<String, PropertyWriter.Column> all = new LinkedHashMap<>();
        all.put(PropertyNames.PAGERANK, new PropertyWriter.Doubles(i -> pagerank[i]));
        all.put(PropertyNames.DEGREE_WEIGHTED, new PropertyWriter.Doubles(i -> degree[i]));
        all.put(PropertyNames.BETWEENNESS, new PropertyWriter.Doubles(i -> bc.scores()[i]));
        all.put(PropertyNames.WCC, new PropertyWriter.Longs(i -> g.storeId(components[i])));
        all.put(PropertyNames.WCC_SIZE, new PropertyWriter.Longs(i -> sizes[i]));
        all.put(PropertyNames.COMMUNITY, new PropertyWriter.Longs(i -> louvain.communities()[i]));
        all.put(PropertyNames.RISK_OWN, new PropertyWriter.Doubles(i -> risk.own()[i]));
        all.put(PropertyNames.RISK_INHERITED, new PropertyWriter.Doubles(i -> risk.inherited()[i]));
        int enterprise = g.labelNames().indexOf(ENTERPRISE);
        int[] enterprises = java.util.stream.IntStream.range(0, g.nodeCount()).filter(i -> g.label(i) == enterprise).toArray();
        int[] notEnterprises = java.util.stream.IntStream.range(0, g.nodeCount()).filter(i -> g.label(i) != enterprise).toArray();
        PropertyWriter writer = new PropertyWriter(store);
        WriteCounts written = writer.writeColumns(g, enterprises, all, progress, cancellation)
                .plus(writer.writeColumns(g, notEnterprises, others, progress, cancellation));
        lap(millis, "write", t);

        Map<String, Long> counted = new LinkedHashMap<>();
        events.linksCounted().forEach((k, v) -> counted.put(k.name(), v));
        return new Summary(g.nodeCount(), g.relationshipCount(), estimate.bytes(), g.heapBytes(), millis,
                louvain.modularity(), louvain.communityCount(), wcc.componentCount(), bc.exact(), bc.sources(), bc.errorBound(),
                risk.sources(), counted, written.propertiesSet(), List.copyOf(warnings));
    }

    /** Runs one algorithm on the requested projection; rows are keyed by business key, in node order. */
    public Table runOne(GraphStore store, String name, AlgorithmRequest request, ProgressListener progress) {
        Algorithm algorithm = algorithm(name);
        progress = progress == null ? ProgressListener.NONE : progress;
        Params p = new Params(algorithm, request.parameters());
        ProjectionSpec spec = spec(algorithm, request);
        CompactGraph g = new Projector(store).load(spec, progress, Cancellation.NEVER);
        Cancellation c = Cancellation.NEVER;
        List<String> columns = new ArrayList<>(List.of("label", "key"));
        List<double[]> values = new ArrayList<>();
        List<Function<Integer, Object>> extra = new ArrayList<>();
        switch (algorithm.name()) {
            case "pagerank" -> {
                PageRankConfig d = PageRankConfig.DEFAULT;
                PageRankConfig cfg = new PageRankConfig(p.dbl("dampingFactor", d.dampingFactor()),
                        p.integer("maxIterations", d.maxIterations()), p.dbl("tolerance", d.tolerance()),
                        p.bool("weighted", true), d.concurrency(), p.precision("precision", d.precision()));
                columns.add(PropertyNames.PAGERANK);
                values.add(new PageRank(g, cfg, progress, c).scores());
            }
            case "degree" -> {
                columns.add(PropertyNames.DEGREE_WEIGHTED);
                values.add(WeightedDegree.compute(g));
            }
            case "betweenness" -> {
                BetweennessConfig d = BetweennessConfig.DEFAULT;
                BetweennessConfig cfg = new BetweennessConfig(p.integer("exactNodeLimit", d.exactNodeLimit()),
                        p.integer("samples", d.samples()), d.confidence(), p.integer("seed", (int) d.seed()),
                        d.concurrency(), p.longValue("workBudget", d.workBudget()));
                Betweenness.Result r = new Betweenness(g, cfg, progress, c).result();
                columns.add(PropertyNames.BETWEENNESS);
                values.add(r.scores());
                columns.add("error_bound");
                extra.add(i -> r.errorBound());
            }
            case "wcc" -> {
                WeaklyConnectedComponents wcc = new WeaklyConnectedComponents(g, c);
                int[] comp = wcc.components();
                int[] size = wcc.componentSizes();
                columns.add(PropertyNames.WCC);
                columns.add(PropertyNames.WCC_SIZE);
                extra.add(i -> g.storeId(comp[i]));
                extra.add(i -> (long) size[i]);
            }
            case "louvain" -> {
                LouvainConfig d = LouvainConfig.DEFAULT;
                Louvain.Result r = new Louvain(g, new LouvainConfig(p.dbl("resolution", d.resolution()),
                        p.integer("maxLevels", d.maxLevels()), d.maxIterations(), d.tolerance()), progress, c).result();
                columns.add(PropertyNames.COMMUNITY);
                columns.add("modularity");
                extra.add(i -> (long) r.communities()[i]);
                extra.add(i -> r.modularity());
            }
            case "risk" -> {
                Map<String, Double> weights = new LinkedHashMap<>();
                for (String type : g.typeNames()) weights.put(type, Math.min(1.0, STANDARD_WEIGHTS.getOrDefault(type, 1.0)));
                PropagationConfig d = propagation;
                PropagationConfig cfg = new PropagationConfig(weights, p.dbl("decay", d.decay()),
                        p.integer("maxHops", d.maxHops()), p.integer("hubDegree", d.hubDegree()), d.minContribution());
                EventRisk.Counts events = EventRisk.compute(store, g, eventWeights, c);
                RiskPropagation rp = new RiskPropagation(g, cfg, events.own(), progress, c);
                RiskPropagation.Result r = rp.result();
                columns.addAll(List.of(PropertyNames.RISK_OWN, PropertyNames.RISK_INHERITED, "top_source"));
                values.add(r.own());
                values.add(r.inherited());
                // the strongest source's node index; turned into its business key below
                extra.add(i -> {
                    if (r.inherited()[i] == 0) return "";
                    var x = rp.explain(i, 1);
                    return x.top().isEmpty() ? "" : (Object) x.top().get(0).source();
                });
            }
            default -> throw new IllegalStateException(algorithm.name());
        }
        String[] keys = keys(store, g);
        List<List<Object>> rows = new ArrayList<>(g.nodeCount());
        for (int i = 0; i < g.nodeCount(); i++) {
            List<Object> row = new ArrayList<>(columns.size());
            row.add(g.labelName(i));
            row.add(keys[i]);
            for (double[] v : values) row.add(v[i]);
            for (Function<Integer, Object> f : extra) row.add(f.apply(i));
            rows.add(row);
        }
        int topSource = columns.indexOf("top_source");
        if (topSource >= 0) {
            for (List<Object> row : rows) if (row.get(topSource) instanceof Integer at) row.set(topSource, keys[at]);
        }
        return new Table(List.copyOf(columns), rows);
    }

    static ProjectionSpec spec(Algorithm algorithm, AlgorithmRequest request) {
        List<String> labels = request.labels().isEmpty() ? STANDARD_LABELS : request.labels();
        Map<String, Double> weights = new LinkedHashMap<>();
        if (request.relationships().isEmpty()) {
            weights.putAll(STANDARD_WEIGHTS);
        } else {
            for (String type : request.relationships()) weights.put(type, STANDARD_WEIGHTS.getOrDefault(type, 1.0));
        }
        Orientation o = request.orientation() == null ? algorithm.orientation() : request.orientation();
        return new ProjectionSpec(labels, weights, null, o);
    }

    /** Business keys by node index, read per label from the store; the store id when none is found. */
    String[] keys(GraphStore store, CompactGraph g) {
        String[] keys = new String[g.nodeCount()];
        for (String label : g.labelNames()) {
            String property = KEY_PROPERTIES.getOrDefault(label, "id");
            store.streamNodeProperty(label, property, (ids, values, count) -> {
                for (int i = 0; i < count; i++) {
                    int v = g.indexOf(ids[i]);
                    if (v >= 0 && values[i] != null) keys[v] = String.valueOf(values[i]);
                }
            }, 10_000);
        }
        for (int i = 0; i < keys.length; i++) if (keys[i] == null) keys[i] = String.valueOf(g.storeId(i));
        return keys;
    }

    private static long lap(Map<String, Long> millis, String step, long since) {
        long now = System.nanoTime();
        millis.put(step, (now - since) / 1_000_000);
        return now;
    }

    /** Parameters checked against the algorithm's list, with messages naming the valid ones. */
    private static final class Params {
        private final Algorithm algorithm;
        private final Map<String, String> values;

        Params(Algorithm algorithm, Map<String, String> values) {
            this.algorithm = algorithm;
            this.values = new TreeMap<>(values);
            for (String k : values.keySet()) {
                if (!algorithm.parameters().contains(k)) {
                    throw new IllegalArgumentException("algorithm " + algorithm.name() + " has no parameter '" + k
                            + "'; valid: " + (algorithm.parameters().isEmpty() ? "none"
                            : String.join(", ", algorithm.parameters())));
                }
            }
        }

        double dbl(String name, double def) {
            String v = values.get(name);
            if (v == null) return def;
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(algorithm.name() + " " + name + " must be a number, got '" + v + "'");
            }
        }

        long longValue(String name, long def) {
            String v = values.get(name);
            if (v == null) return def;
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(algorithm.name() + " " + name + " must be an integer, got '" + v + "'");
            }
        }

        int integer(String name, int def) {
            long v = longValue(name, def);
            if (v != (int) v) {
                throw new IllegalArgumentException(algorithm.name() + " " + name + " must be an integer, got '" + values.get(name) + "'");
            }
            return (int) v;
        }

        PageRankConfig.Precision precision(String name, PageRankConfig.Precision def) {
            String v = values.get(name);
            try {
                return v == null ? def : PageRankConfig.Precision.parse(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(algorithm.name() + " " + e.getMessage());
            }
        }

        boolean bool(String name, boolean def) {
            String v = values.get(name);
            if (v == null) return def;
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(algorithm.name() + " " + name + " must be true or false, got '" + v + "'");
            }
            return Boolean.parseBoolean(v);
        }
    }
}
