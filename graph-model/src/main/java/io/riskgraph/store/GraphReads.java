package io.riskgraph.store;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The reads the HTTP API and the page need beyond {@link GraphStore}: node degrees, risk-event counts, a segment's
 * enterprises, co-ownership pairs, the rows to index for search, holdings, a network node's neighbours page, the
 * dashboard's aggregates and the relation snapshot. Every backend implements it (Cypher in module {@code cypher},
 * Gremlin in module {@code gremlin}); node ids are the store's element ids as {@link GraphNode#id()} gives them.
 */
public interface GraphReads {

    /** Risk events of a node. */
    record RiskEvents(long penalties, long failedSamples, long failedInspections, long courtRecords,
                      long openAlerts, long verifiedComplaints) {
        public static final RiskEvents NONE = new RiskEvents(0, 0, 0, 0, 0, 0);

        public long total() {
            return penalties + failedSamples + failedInspections + courtRecords + openAlerts + verifiedComplaints;
        }
    }

    /** Risk events per node id; ids not in the store are absent. */
    Map<String, RiskEvents> riskEvents(List<String> ids);

    /** Number of relationships per node id. */
    Map<String, Long> degrees(List<String> ids);

    /** A segment's enterprise. */
    record SegmentEnterprise(String uscc, String name, String status, Object score, Object grade, RiskEvents events) {}

    List<SegmentEnterprise> segmentEnterprises(String code);

    /** A link between two of the given enterprises: a person in roles at both, or one investing in the other. */
    record Link(String a, String b, String via) {}

    /** Links between the given enterprises (a < b by USCC), distinct. */
    List<Link> links(List<String> usccs);

    /** A searchable entity. */
    record Searchable(String type, String key, String name, String address, String phone) {}

    /** Enterprises and persons, all (keys null) or those with the given keys. */
    void searchables(List<String> usccs, List<String> personIds, Consumer<Searchable> sink);

    /** A holding of a node: who holds it, with which share (null when absent). */
    record Holding(GraphNode holder, Double share) {}

    /** Incoming SHAREHOLDER_OF / INVESTS_IN relationships of a node, every one of them (cross-holdings too). */
    List<Holding> holdersOf(String id);

    /** Receives the relation snapshot: nodes first, then relationships between them. */
    interface SnapshotSink {
        /**
         * A node: a numeric store id, its labels, its key-like properties (uscc, person_id, address, number, name,
         * name_zh, whichever it has), grade, score, inherited risk, segments, risk events and degree.
         */
        void node(long id, List<String> labels, Map<String, Object> keys, Object grade, Object score, Object inherited,
                  Object segments, RiskEvents events, long degree);

        void relationship(long start, long end, String type, Map<String, Object> properties);
    }

    /**
     * Streams every Enterprise, Person, Address and Phone node, then every relationship of the given types between
     * any nodes, to the sink.
     */
    void relationSnapshot(List<String> types, SnapshotSink sink);

    /** A relationship as the network view draws it: store ids of its ends, type and properties. */
    record Edge(String id, String start, String end, String type, Map<String, Object> properties) {}

    /** One neighbour of an expanded node: the relationship and the node at its other end. */
    record Neighbour(Edge relationship, GraphNode node) {}

    /** A page of a node's neighbours: the node, how many relationships of the types it has, and the page. */
    record Expansion(GraphNode node, long total, List<Neighbour> page) {}

    /**
     * The neighbours of the node {@code label}/{@code keyProperty} = key over relationships of the given types, in a
     * stable order (type, then the neighbour's name or key, then relationship id), one page of them; null when no
     * such node.
     */
    Expansion expand(String label, String keyProperty, Object key, List<String> types, int offset, int limit);

    /** Every relationship of the given types between two of the given nodes (store ids). */
    List<Edge> relationshipsAmong(List<String> ids, List<String> types);

    /** Enterprises per segment and grade (grade null = not graded). */
    record GradeCount(String segment, String nameZh, String nameEn, String grade, long count) {}

    /** Ordered by segment, then grade. */
    List<GradeCount> gradesBySegment();

    /** Clues counted by a key (rule, or month of the day they are as of) and status. */
    record ClueCount(String key, String status, long count) {}

    List<ClueCount> cluesByRuleAndStatus();

    List<ClueCount> cluesByMonthAndStatus();

    /** A group of high-risk (grade C or D) enterprises of one segment in one community (or component). */
    record RiskCluster(String segment, String group, String groupKind, List<Map<String, Object>> firms, long size) {}

    /**
     * Per segment, the Louvain communities (the connected component where there is no community) holding at least
     * {@code minFirms} C/D enterprises of the segment, largest first, at most {@code perSegment} per segment with at
     * most {@code firmsShown} firms listed each (highest score first).
     */
    List<RiskCluster> highRiskClusters(int minFirms, int perSegment, int firmsShown);

    /** A fingerprint of the store's size that changes when nodes or relationships are added or removed. */
    long storeVersion();

    /** Whether the store answers. */
    boolean ping();
}
