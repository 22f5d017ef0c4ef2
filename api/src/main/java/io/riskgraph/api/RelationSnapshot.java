package io.riskgraph.api;

import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphRelationship;
import io.riskgraph.store.TraversalLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable in-memory copy of the relations between parties (the {@link EntityService#RELATION_TYPES} among
 * enterprises, persons, addresses and phones) with what /related shows of each node: key, name, grade, score,
 * inherited risk, segments, risk-event counts and the number of relationships of every type (for the hub test).
 * /related then runs its breadth-first search here instead of sending several Cypher statements per request.
 *
 * <p>It is read from the store through the driver ({@link GraphReads#relationSnapshot}) and replaced whole, never
 * patched, so a request sees one consistent state. It can lag behind the store: see {@link RelationSnapshots} for
 * when it is rebuilt.
 *
 * <p>Heap: per node a label byte, two strings (key, name), three ints and five references; per relationship two
 * adjacency entries (target, relationship index: 8 bytes each) and 4 + 4 + 1 + 8 + 4 + 4 bytes (ends, type, share,
 * since, until). Relationship properties other than share, since and until are kept in a side map.
 */
public final class RelationSnapshot {
    /** Labels of the nodes held, in the order of {@link #label}. */
    static final List<String> LABELS = List.of("Enterprise", "Person", "Address", "Phone");
    private static final int NO_DATE = Integer.MIN_VALUE;

    private final byte[] label;
    private final String[] key;
    private final String[] name;
    private final Object[] grade;
    private final Object[] score;
    private final Object[] riskInherited;
    private final Object[] segments;
    private final GraphReads.RiskEvents[] events;
    private final long[] degree;
    private final Map<String, Integer> enterprises;
    // adjacency, both directions: entries offsets[n] .. offsets[n+1] of node n
    private final int[] offsets;
    private final int[] entryTarget;
    private final int[] entryRel;
    // relationships
    private final int[] relStart;
    private final int[] relEnd;
    private final byte[] relType;
    private final double[] relShare;
    private final int[] relSince;
    private final int[] relUntil;
    private final Map<Integer, Map<String, Object>> relOther;
    private final List<String> typeNames;
    private final long storeVersion;
    private final Instant builtAt;
    private final long buildMillis;
    private final long heapBytes;

    private RelationSnapshot(Builder b, long buildMillis) {
        int n = b.nodes;
        label = Arrays.copyOf(b.label, n);
        key = Arrays.copyOf(b.key, n);
        name = Arrays.copyOf(b.name, n);
        grade = Arrays.copyOf(b.grade, n);
        score = Arrays.copyOf(b.score, n);
        riskInherited = Arrays.copyOf(b.riskInherited, n);
        segments = Arrays.copyOf(b.segments, n);
        events = Arrays.copyOf(b.events, n);
        degree = Arrays.copyOf(b.degree, n);
        enterprises = Map.copyOf(b.enterprises);
        int r = b.rels;
        relStart = Arrays.copyOf(b.relStart, r);
        relEnd = Arrays.copyOf(b.relEnd, r);
        relType = Arrays.copyOf(b.relType, r);
        relShare = Arrays.copyOf(b.relShare, r);
        relSince = Arrays.copyOf(b.relSince, r);
        relUntil = Arrays.copyOf(b.relUntil, r);
        relOther = Map.copyOf(b.relOther);
        typeNames = List.copyOf(b.typeNames);
        offsets = new int[n + 1];
        for (int i = 0; i < r; i++) {
            offsets[relStart[i] + 1]++;
            if (relEnd[i] != relStart[i]) offsets[relEnd[i] + 1]++;
        }
        for (int i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        entryTarget = new int[offsets[n]];
        entryRel = new int[offsets[n]];
        int[] cursor = Arrays.copyOf(offsets, n);
        for (int i = 0; i < r; i++) {
            int s = relStart[i], e = relEnd[i];
            int p = cursor[s]++;
            entryTarget[p] = e;
            entryRel[p] = i;
            if (e != s) {
                p = cursor[e]++;
                entryTarget[p] = s;
                entryRel[p] = i;
            }
        }
        storeVersion = b.storeVersion;
        builtAt = Instant.now();
        this.buildMillis = buildMillis;
        heapBytes = estimateHeap();
    }

    public int nodeCount() { return label.length; }

    public int relationshipCount() { return relStart.length; }

    /** The store version ({@link GraphReads#storeVersion}) this snapshot was read at. */
    public long storeVersion() { return storeVersion; }

    public Instant builtAt() { return builtAt; }

    public long buildMillis() { return buildMillis; }

    /** Approximate heap held, for /health and the docs. */
    public long heapBytes() { return heapBytes; }

    private long estimateHeap() {
        long n = label.length, r = relStart.length;
        long strings = 0;
        for (int i = 0; i < n; i++) strings += stringBytes(key[i]) + stringBytes(name[i]);
        return n * (1 + 8 * 7 + 8 + 4) + strings + entryTarget.length * 8L + r * (4 + 4 + 1 + 8 + 4 + 4)
                + enterprises.size() * 48L + relOther.size() * 128L;
    }

    private static long stringBytes(String s) { return s == null ? 0 : 24 + 16 + s.length() * 3L; }

    /** The enterprise with this (normalised) USCC as a node, or null when the snapshot does not hold it. */
    public GraphNode enterprise(String uscc) {
        Integer i = enterprises.get(uscc);
        return i == null ? null : node(i);
    }

    /**
     * What /related needs around an enterprise, as the Cypher read in {@link EntityService} would return it: for
     * every node within the limits one shortest path (breadth first; hubs, i.e. nodes other than the subject with
     * more than maxDegree relationships, are reached but not expanded), nearest first, at most maxResults; the
     * degree of each node that a shorter path than maxHops reaches; the risk events of every party. Null when the
     * snapshot does not hold the enterprise.
     */
    public EntityService.Neighbourhood neighbourhood(String uscc, TraversalLimits limits) {
        Integer subject = enterprises.get(uscc);
        if (subject == null) return null;
        boolean[] followed = new boolean[typeNames.size()];
        for (int t = 0; t < followed.length; t++) {
            followed[t] = limits.relationshipTypes().isEmpty() || limits.relationshipTypes().contains(typeNames.get(t));
        }
        // breadth-first: order of discovery, each node's entry it was reached by, and distance
        Map<Integer, Integer> seen = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        List<Integer> via = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        List<Integer> dist = new ArrayList<>();
        seen.put(subject, -1);
        int head = -1; // -1 = the subject
        int max = limits.maxResults();
        outer:
        while (true) {
            int u, du;
            if (head < 0) {
                u = subject;
                du = 0;
            } else {
                if (head >= order.size()) break;
                u = order.get(head);
                du = dist.get(head);
                if (du >= limits.maxHops()) break; // BFS order: everything after is as far
                if (degree[u] > limits.maxDegree()) {
                    head++;
                    continue;
                }
            }
            for (int e = offsets[u]; e < offsets[u + 1]; e++) {
                int v = entryTarget[e];
                if (!followed[relType[entryRel[e]]] || seen.containsKey(v)) continue;
                seen.put(v, order.size());
                order.add(v);
                via.add(entryRel[e]);
                from.add(head);
                dist.add(du + 1);
                if (order.size() >= max) break outer;
            }
            head++;
        }
        GraphNode[] nodes = new GraphNode[order.size()];
        GraphNode subjectNode = node(subject);
        List<GraphPath> paths = new ArrayList<>(order.size());
        Map<String, Long> degrees = new HashMap<>();
        Map<String, GraphReads.RiskEvents> riskEvents = new HashMap<>();
        for (int i = 0; i < nodes.length; i++) {
            int v = order.get(i);
            nodes[i] = node(v);
            int d = dist.get(i);
            if (d < limits.maxHops()) degrees.put(nodes[i].id(), degree[v]);
            if (label[v] <= 1) riskEvents.put(nodes[i].id(), events[v]);
            // the parent's path (built already: breadth-first order) plus one step
            int parent = from.get(i);
            List<GraphNode> pn = new ArrayList<>(d + 1);
            List<GraphRelationship> pr = new ArrayList<>(d);
            if (parent < 0) {
                pn.add(subjectNode);
            } else {
                pn.addAll(paths.get(parent).nodes());
                pr.addAll(paths.get(parent).relationships());
            }
            pn.add(nodes[i]);
            pr.add(relationship(via.get(i)));
            paths.add(new GraphPath(Collections.unmodifiableList(pn), Collections.unmodifiableList(pr)));
        }
        return new EntityService.Neighbourhood(subjectNode, paths, degrees, riskEvents);
    }

    private GraphNode node(int i) {
        String l = LABELS.get(label[i]);
        Map<String, Object> p = new HashMap<>(8);
        p.put(Views.keyProperty(l), key[i]);
        if (name[i] != null) p.put("name", name[i]);
        if (grade[i] != null) p.put("grade", grade[i]);
        if (score[i] != null) p.put("score", score[i]);
        if (riskInherited[i] != null) p.put("risk_inherited", riskInherited[i]);
        if (segments[i] != null) p.put("segments", segments[i]);
        return new GraphNode(Integer.toString(i), List.of(l), p);
    }

    private GraphRelationship relationship(int r) {
        Map<String, Object> p = relOther.get(r);
        if (p == null) {
            p = new HashMap<>(4);
            if (!Double.isNaN(relShare[r])) p.put("share", relShare[r]);
            if (relSince[r] != NO_DATE) p.put("since", LocalDate.ofEpochDay(relSince[r]));
            if (relUntil[r] != NO_DATE) p.put("until", LocalDate.ofEpochDay(relUntil[r]));
        }
        return new GraphRelationship("r" + r, typeNames.get(relType[r]), Integer.toString(relStart[r]),
                Integer.toString(relEnd[r]), p);
    }

    /** Collects nodes, then relationships between them, as the store streams them. */
    static final class Builder implements GraphReads.SnapshotSink {
        private static final Set<String> COMPACT = Set.of("share", "since", "until");
        private final Map<Long, Integer> index = new HashMap<>();
        private final List<String> typeNames;
        private final long storeVersion;
        private final long started = System.nanoTime();
        private int nodes;
        private byte[] label = new byte[1024];
        private String[] key = new String[1024];
        private String[] name = new String[1024];
        private Object[] grade = new Object[1024];
        private Object[] score = new Object[1024];
        private Object[] riskInherited = new Object[1024];
        private Object[] segments = new Object[1024];
        private GraphReads.RiskEvents[] events = new GraphReads.RiskEvents[1024];
        private long[] degree = new long[1024];
        private final Map<String, Integer> enterprises = new HashMap<>();
        private int rels;
        private int[] relStart = new int[1024];
        private int[] relEnd = new int[1024];
        private byte[] relType = new byte[1024];
        private double[] relShare = new double[1024];
        private int[] relSince = new int[1024];
        private int[] relUntil = new int[1024];
        private final Map<Integer, Map<String, Object>> relOther = new HashMap<>();

        Builder(List<String> typeNames, long storeVersion) {
            if (typeNames.size() > Byte.MAX_VALUE) throw new IllegalArgumentException("at most 127 relationship types");
            this.typeNames = List.copyOf(typeNames);
            this.storeVersion = storeVersion;
        }

        @Override
        public void node(long storeId, List<String> labels, Map<String, Object> keys, Object nodeGrade, Object nodeScore,
                         Object inherited, Object nodeSegments, GraphReads.RiskEvents nodeEvents, long nodeDegree) {
            String l = Views.label(labels);
            Object k = keys.get(Views.keyProperty(l));
            Object n = keys.get("name") != null ? keys.get("name") : keys.get("name_zh");
            node(storeId, l, k == null ? null : String.valueOf(k), n == null ? null : String.valueOf(n), nodeGrade,
                    nodeScore, inherited, nodeSegments, nodeEvents, nodeDegree);
        }

        /** A node: its store id, label, key and what /related shows of it; ignored unless the label is one of {@link #LABELS}. */
        void node(long storeId, String nodeLabel, String nodeKey, String nodeName, Object nodeGrade, Object nodeScore,
                  Object inherited, Object nodeSegments, GraphReads.RiskEvents nodeEvents, long nodeDegree) {
            int l = LABELS.indexOf(nodeLabel);
            if (l < 0) return;
            if (nodes == label.length) {
                int c = nodes * 2;
                label = Arrays.copyOf(label, c);
                key = Arrays.copyOf(key, c);
                name = Arrays.copyOf(name, c);
                grade = Arrays.copyOf(grade, c);
                score = Arrays.copyOf(score, c);
                riskInherited = Arrays.copyOf(riskInherited, c);
                segments = Arrays.copyOf(segments, c);
                events = Arrays.copyOf(events, c);
                degree = Arrays.copyOf(degree, c);
            }
            int i = nodes++;
            index.put(storeId, i);
            label[i] = (byte) l;
            key[i] = nodeKey;
            name[i] = nodeName;
            grade[i] = nodeGrade;
            score[i] = nodeScore;
            riskInherited[i] = inherited;
            segments[i] = nodeSegments;
            events[i] = nodeEvents.total() == 0 ? GraphReads.RiskEvents.NONE : nodeEvents;
            degree[i] = nodeDegree;
            if (l == 0 && nodeKey != null) enterprises.put(nodeKey, i);
        }

        /** A relationship between two nodes given before; dropped when an end is not held. */
        @Override
        public void relationship(long startId, long endId, String type, Map<String, Object> properties) {
            Integer s = index.get(startId), e = index.get(endId);
            int t = typeNames.indexOf(type);
            if (s == null || e == null || t < 0) return;
            if (rels == relStart.length) {
                int c = rels * 2;
                relStart = Arrays.copyOf(relStart, c);
                relEnd = Arrays.copyOf(relEnd, c);
                relType = Arrays.copyOf(relType, c);
                relShare = Arrays.copyOf(relShare, c);
                relSince = Arrays.copyOf(relSince, c);
                relUntil = Arrays.copyOf(relUntil, c);
            }
            int r = rels++;
            relStart[r] = s;
            relEnd[r] = e;
            relType[r] = (byte) t;
            Object share = properties.get("share"), since = properties.get("since"), until = properties.get("until");
            boolean compact = COMPACT.containsAll(properties.keySet()) && (share == null || share instanceof Double)
                    && (since == null || since instanceof LocalDate) && (until == null || until instanceof LocalDate);
            relShare[r] = share instanceof Double d ? d : Double.NaN;
            relSince[r] = since instanceof LocalDate d ? (int) d.toEpochDay() : NO_DATE;
            relUntil[r] = until instanceof LocalDate d ? (int) d.toEpochDay() : NO_DATE;
            if (!compact) relOther.put(r, Map.copyOf(properties));
        }

        RelationSnapshot build() {
            return new RelationSnapshot(this, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
