package io.riskgraph.gremlin;

import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.util.Metrics;
import org.apache.tinkerpop.gremlin.process.traversal.util.TraversalMetrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the server answers a lookup by {@value GremlinGraphStore#UID} through an index, which every upsert needs
 * (without one each merge scans the graph). Plain traversals cannot read or make a vendor's schema, so this asks the
 * server's own {@code profile()}: a lookup of an absent uid against a bounded scan of {@value #SAMPLE} vertices for
 * a property nobody has, both timed by the server (no network in the figures). An index answers an absent key in
 * microseconds whatever the graph's size; a scan of a graph larger than the sample takes a sizeable share of the
 * sample scan's time. JanusGraph
 * also says so itself ({@code fullscan}, {@code isFitted=false} in the profile's annotations). A graph of at most
 * {@value #SAMPLE} vertices is too small to tell and too small for it to matter yet.
 */
public final class UidIndexCheck {
    /** Vertices scanned for the comparison; a graph this small is not judged. */
    static final int SAMPLE = 20_000;
    private static final String ABSENT_UID = "riskgraph-index-probe:absent";

    public enum Verdict { INDEXED, SCANS, TOO_SMALL_TO_TELL, UNKNOWN }

    /** What was found, the vendor as the profile's steps show it, and the message for the user (null when indexed). */
    public record Result(Verdict verdict, String vendor, double lookupMillis, double scanMillis, String message) {}

    private UidIndexCheck() {}

    /** The check, or {@link Verdict#UNKNOWN} when the server does not answer it (e.g. no {@code profile()}). */
    public static Result checkQuietly(GraphTraversalSource g, String url) {
        try {
            return check(g, url);
        } catch (RuntimeException e) {
            return new Result(Verdict.UNKNOWN, "unknown", 0, 0, null);
        }
    }

    public static Result check(GraphTraversalSource g, String url) {
        long vertices = g.V().limit(SAMPLE + 1L).count().next();
        TraversalMetrics lookup = null;
        double[] lookups = new double[3];
        for (int i = 0; i < lookups.length; i++) {
            lookup = g.V().has(GremlinGraphStore.UID, ABSENT_UID).profile().next();
            lookups[i] = lookup.getDuration(TimeUnit.NANOSECONDS) / 1e6;
        }
        String vendor = vendor(lookup);
        double lookupMillis = median(lookups);
        List<String> notes = annotations(lookup.getMetrics());
        boolean saysScan = notes.stream().anyMatch(n -> n.contains("fullscan=true") || n.contains("isfitted=false"));
        if (vertices <= SAMPLE && !saysScan) return new Result(Verdict.TOO_SMALL_TO_TELL, vendor, lookupMillis, 0, null);
        double[] scans = new double[3];
        for (int i = 0; i < scans.length; i++) {
            scans[i] = g.V().limit(SAMPLE).has("riskgraph_index_probe_absent", "x").profile().next()
                    .getDuration(TimeUnit.NANOSECONDS) / 1e6;
        }
        double scanMillis = median(scans);
        // an index answers in a fraction of a millisecond, well under a fiftieth of the sample scan; a scan of the
        // whole graph costs at least a fifth of it (the lookup's scan filters inside the graph step, the sample's
        // runs through the traversal's steps, about four times dearer per vertex on TinkerGraph)
        boolean scansByTime = lookupMillis > scanMillis / 50;
        if (!saysScan && !scansByTime) return new Result(Verdict.INDEXED, vendor, lookupMillis, scanMillis, null);
        String why = saysScan ? "the server's profile says the lookup is a full scan"
                : String.format(Locale.ROOT, "a lookup of an absent uid took %.2f ms on the server, a scan of %,d vertices %.2f ms",
                        lookupMillis, SAMPLE, scanMillis);
        return new Result(Verdict.SCANS, vendor, lookupMillis, scanMillis,
                "the Gremlin Server at " + url + " has no index on the vertex property '" + GremlinGraphStore.UID
                        + "' (" + why + "): every upsert will scan the graph. " + remedy(vendor));
    }

    /** The vendor's schema commands (docs/backends.md, "Indexes"). */
    static String remedy(String vendor) {
        return switch (vendor) {
            case "JanusGraph" -> "Create it once in a Gremlin console on the server, before loading: mgmt = graph.openManagement(); "
                    + "uid = mgmt.getPropertyKey('uid') ?: mgmt.makePropertyKey('uid').dataType(String.class).make(); "
                    + "mgmt.buildIndex('byUid', Vertex.class).addKey(uid).unique().buildCompositeIndex(); mgmt.commit() "
                    + "(on a graph with data, then REINDEX it: ManagementSystem.awaitGraphIndexStatus(graph, 'byUid').call(); "
                    + "mgmt.updateIndex(mgmt.getGraphIndex('byUid'), SchemaAction.REINDEX).get()).";
            case "HugeGraph" -> "Create a property key 'uid' (text) and, for every vertex label, a secondary index on 'uid' "
                    + "(schema.indexLabel('LABELByUid').onV('LABEL').by('uid').secondary().ifNotExist().create()), or make "
                    + "'uid' the primary key of every vertex label.";
            case "TinkerGraph" -> "Create it in the server's graph set-up, before it serves: graph.createIndex('uid', Vertex.class) "
                    + "(riskgraph's embedded server does this itself).";
            default -> "Create an index on 'uid' for vertices with the vendor's schema tools (JanusGraph: a composite index; "
                    + "HugeGraph: a secondary index per vertex label; Neptune indexes every property), see docs/backends.md.";
        };
    }

    static String vendor(TraversalMetrics m) {
        String steps = String.join(" ", m.getMetrics().stream().map(Metrics::getName).toList());
        if (steps.contains("JanusGraph")) return "JanusGraph";
        if (steps.contains("Huge")) return "HugeGraph";
        if (steps.contains("TinkerGraph")) return "TinkerGraph";
        if (steps.toLowerCase(Locale.ROOT).contains("neptune")) return "Neptune";
        return "unknown";
    }

    /** Every annotation of the metrics and their nested metrics, as lower-case "key=value". */
    static List<String> annotations(Collection<? extends Metrics> metrics) {
        List<String> out = new ArrayList<>();
        for (Metrics m : metrics) {
            m.getAnnotations().forEach((k, v) -> out.add((k + "=" + v).toLowerCase(Locale.ROOT).replace("_", "")));
            out.addAll(annotations(m.getNested()));
        }
        return out;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
