package io.riskgraph.cypher;

import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphStoreException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.exceptions.Neo4jException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@link GraphReads} in read-only, parameterised Cypher over the platform's driver.
 */
public final class CypherGraphReads implements GraphReads {
    private final Driver driver;

    public CypherGraphReads(Driver driver) {
        this.driver = driver;
    }

    static final String RISK_EVENTS = """
            COUNT { (n)<-[:IMPOSED_ON]-(:Penalty) } AS penalties,
            COUNT { (n)<-[:SAMPLED_AT|PRODUCED_BY]-(s:Sample) WHERE s.result = 'FAIL' } AS failedSamples,
            COUNT { (n)<-[:INSPECTED]-(i:Inspection) WHERE i.result = 'ISSUES_FOUND' } AS failedInspections,
            COUNT { (n)<-[:CONCERNS]-(c:CourtRecord) WHERE coalesce(c.status, 'ACTIVE') <> 'CLEARED'
                    AND (c.kind IN ['DISHONEST_EXECUTEE', 'ENFORCEMENT'] OR c.role IN ['DEFENDANT', 'EXECUTEE']) } AS courtRecords,
            COUNT { (n)<-[:RAISED_AT]-(a:Alert) WHERE a.status = 'OPEN' } AS openAlerts,
            COUNT { (n)<-[:COMPLAINS_ABOUT]-(c:Complaint) WHERE c.verified = true } AS verifiedComplaints""";

    @Override
    public Map<String, RiskEvents> riskEvents(List<String> ids) {
        Map<String, RiskEvents> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        read("UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN id, " + RISK_EVENTS, Map.of("ids", ids),
                r -> out.put(r.get("id").asString(), events(r)));
        return out;
    }

    static RiskEvents events(Record r) {
        return new RiskEvents(r.get("penalties").asLong(), r.get("failedSamples").asLong(),
                r.get("failedInspections").asLong(), r.get("courtRecords").asLong(), r.get("openAlerts").asLong(),
                r.get("verifiedComplaints").asLong());
    }

    /** Number of relationships per node id. */
    @Override
    public Map<String, Long> degrees(List<String> ids) {
        Map<String, Long> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        read("UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN id, COUNT { (n)--() } AS degree",
                Map.of("ids", ids), r -> out.put(r.get("id").asString(), r.get("degree").asLong()));
        return out;
    }

    @Override
    public List<SegmentEnterprise> segmentEnterprises(String code) {
        List<SegmentEnterprise> out = new ArrayList<>();
        read("MATCH (n:Enterprise)-[:IN_SEGMENT]->(:Segment {code: $code}) RETURN n.uscc AS uscc, n.name AS name, "
                        + "n.status AS status, n.score AS score, n.grade AS grade, " + RISK_EVENTS,
                Map.of("code", code), r -> out.add(new SegmentEnterprise(r.get("uscc").asString(),
                        r.get("name").asString(null), r.get("status").asString(null), r.get("score").asObject(),
                        r.get("grade").asObject(), events(r))));
        return out;
    }

    @Override
    public List<Link> links(List<String> usccs) {
        List<Link> out = new ArrayList<>();
        read("""
                MATCH (a:Enterprise)<-[r1]-(p:Person)-[r2]->(b:Enterprise)
                WHERE a.uscc IN $usccs AND b.uscc IN $usccs AND a.uscc < b.uscc
                  AND type(r1) <> 'LOCATED_AT' AND type(r1) <> 'HAS_PHONE'
                  AND type(r2) <> 'LOCATED_AT' AND type(r2) <> 'HAS_PHONE'
                RETURN DISTINCT a.uscc AS a, b.uscc AS b, 'person ' + p.person_id AS via
                UNION
                MATCH (a:Enterprise)-[:INVESTS_IN|BRANCH_OF]-(b:Enterprise)
                WHERE a.uscc IN $usccs AND b.uscc IN $usccs AND a.uscc < b.uscc
                RETURN DISTINCT a.uscc AS a, b.uscc AS b, 'ownership' AS via""", Map.of("usccs", usccs),
                r -> out.add(new Link(r.get("a").asString(), r.get("b").asString(), r.get("via").asString())));
        return out;
    }

    /** Enterprises and persons, all (keys null) or those with the given keys. */
    @Override
    public void searchables(List<String> usccs, List<String> personIds, Consumer<Searchable> sink) {
        String ew = usccs == null ? "" : " WHERE n.uscc IN $usccs";
        String pw = personIds == null ? "" : " WHERE n.person_id IN $pids";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("usccs", usccs == null ? List.of() : usccs);
        params.put("pids", personIds == null ? List.of() : personIds);
        read("MATCH (n:Enterprise)" + ew + " RETURN 'enterprise' AS type, n.uscc AS key, n.name AS name, "
                + "n.address AS address, n.phone AS phone", params, r -> sink.accept(searchable(r)));
        read("MATCH (n:Person)" + pw + " RETURN 'person' AS type, n.person_id AS key, n.name AS name, "
                + "n.address AS address, n.phone AS phone", params, r -> sink.accept(searchable(r)));
    }

    private static Searchable searchable(Record r) {
        return new Searchable(r.get("type").asString(), r.get("key").asString(), r.get("name").asString(null),
                r.get("address").asString(null), r.get("phone").asString(null));
    }

    /**
     * Incoming SHAREHOLDER_OF / INVESTS_IN relationships, every one of them: the port's neighbourhood read gives one
     * path per neighbour, which loses one side of a cross-holding (A holds B and B holds A).
     */
    @Override
    public List<Holding> holdersOf(String id) {
        List<Holding> out = new ArrayList<>();
        read("MATCH (h)-[r:SHAREHOLDER_OF|INVESTS_IN]->(n) WHERE elementId(n) = $id RETURN h, r.share AS share",
                Map.of("id", id), r -> {
                    org.neo4j.driver.types.Node h = r.get("h").asNode();
                    List<String> labels = new ArrayList<>();
                    h.labels().forEach(labels::add);
                    out.add(new Holding(new GraphNode(h.elementId(), labels, h.asMap()),
                            r.get("share").isNull() ? null : r.get("share").asDouble()));
                });
        return out;
    }

    @Override
    public void relationSnapshot(List<String> types, SnapshotSink sink) {
        types.forEach(t -> io.riskgraph.store.NodeKey.requireIdentifier("relationship type", t));
        read("""
                MATCH (n) WHERE n:Enterprise OR n:Person OR n:Address OR n:Phone
                RETURN id(n) AS id, labels(n) AS labels, n {.uscc, .person_id, .address, .number, .name, .name_zh} AS keys,
                       n.grade AS grade, n.score AS score, n.risk_inherited AS inherited, n.segments AS segments,
                       COUNT { (n)--() } AS degree, """ + RISK_EVENTS, Map.of(), r -> sink.node(r.get("id").asLong(),
                r.get("labels").asList(org.neo4j.driver.Value::asString), r.get("keys").asMap(), r.get("grade").asObject(),
                r.get("score").asObject(), r.get("inherited").asObject(), r.get("segments").asObject(), events(r),
                r.get("degree").asLong()));
        read("MATCH (a)-[r:" + String.join("|", types) + "]->(b) RETURN id(a) AS a, id(b) AS b, type(r) AS type, "
                + "properties(r) AS props", Map.of(),
                r -> sink.relationship(r.get("a").asLong(), r.get("b").asLong(), r.get("type").asString(), r.get("props").asMap()));
    }

    /**
     * The neighbours of the node {@code label}/{@code keyProperty} = key over relationships of the given types, in a
     * stable order (type, then the neighbour's name or key, then relationship id), one page of them; null when no
     * such node. Label and key property must be checked identifiers: they are written into the statement.
     */
    @Override
    public Expansion expand(String label, String keyProperty, Object key, List<String> types, int offset, int limit) {
        String match = "MATCH (n:`" + label + "` {`" + keyProperty + "`: $key}) ";
        Map<String, Object> params = Map.of("key", key, "types", types, "offset", offset, "limit", limit);
        GraphNode[] node = new GraphNode[1];
        long[] total = new long[1];
        read(match + "RETURN n, COUNT { (n)-[r]-() WHERE type(r) IN $types } AS total", params, r -> {
            node[0] = node(r.get("n").asNode());
            total[0] = r.get("total").asLong();
        });
        if (node[0] == null) return null;
        List<Neighbour> page = new ArrayList<>();
        read(match + """
                MATCH (n)-[r]-(m) WHERE type(r) IN $types
                RETURN r, m ORDER BY type(r), coalesce(m.name, m.address, m.number, m.id, m.code, ''), elementId(r)
                SKIP $offset LIMIT $limit""", params, r -> {
            org.neo4j.driver.types.Relationship rel = r.get("r").asRelationship();
            page.add(new Neighbour(new Edge(rel.elementId(), rel.startNodeElementId(), rel.endNodeElementId(), rel.type(),
                    rel.asMap()), node(r.get("m").asNode())));
        });
        return new Expansion(node[0], total[0], page);
    }

    /** Every relationship of the given types between two of the given nodes (store ids). */
    @Override
    public List<Edge> relationshipsAmong(List<String> ids, List<String> types) {
        List<Edge> out = new ArrayList<>();
        if (ids.isEmpty()) return out;
        read("""
                UNWIND $ids AS id MATCH (a) WHERE elementId(a) = id
                MATCH (a)-[r]->(b) WHERE type(r) IN $types AND elementId(b) IN $ids
                RETURN elementId(r) AS id, elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props""",
                Map.of("ids", ids, "types", types), r -> out.add(new Edge(r.get("id").asString(), r.get("a").asString(),
                        r.get("b").asString(), r.get("type").asString(), r.get("props").asMap())));
        return out;
    }

    private static GraphNode node(org.neo4j.driver.types.Node n) {
        List<String> labels = new ArrayList<>();
        n.labels().forEach(labels::add);
        return new GraphNode(n.elementId(), labels, n.asMap());
    }

    @Override
    public List<GradeCount> gradesBySegment() {
        List<GradeCount> out = new ArrayList<>();
        read("MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment) RETURN s.code AS segment, s.name_zh AS zh, s.name_en AS en, "
                + "e.grade AS grade, count(*) AS n ORDER BY segment, grade", Map.of(),
                r -> out.add(new GradeCount(r.get("segment").asString(), r.get("zh").asString(null), r.get("en").asString(null),
                        r.get("grade").asString(null), r.get("n").asLong())));
        return out;
    }

    @Override
    public List<ClueCount> cluesByRuleAndStatus() {
        List<ClueCount> out = new ArrayList<>();
        read("MATCH (c:Clue) RETURN c.rule AS k, c.status AS status, count(*) AS n ORDER BY k, status", Map.of(),
                r -> out.add(new ClueCount(r.get("k").asString(), r.get("status").asString(), r.get("n").asLong())));
        return out;
    }

    @Override
    public List<ClueCount> cluesByMonthAndStatus() {
        List<ClueCount> out = new ArrayList<>();
        read("MATCH (c:Clue) WHERE c.as_of IS NOT NULL RETURN substring(toString(c.as_of), 0, 7) AS k, c.status AS status, "
                + "count(*) AS n ORDER BY k, status", Map.of(),
                r -> out.add(new ClueCount(r.get("k").asString(), r.get("status").asString(), r.get("n").asLong())));
        return out;
    }

    /**
     * Per segment, the Louvain communities (written by {@code analyze}; the connected component where there is no
     * community) holding at least {@code minFirms} C/D enterprises of the segment, largest first, at most
     * {@code perSegment} per segment with at most {@code firmsShown} firms listed each.
     */
    @Override
    public List<RiskCluster> highRiskClusters(int minFirms, int perSegment, int firmsShown) {
        List<RiskCluster> out = new ArrayList<>();
        read("""
                MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment)
                WHERE e.grade IN ['C', 'D'] AND coalesce(e.community, e.wcc) IS NOT NULL
                WITH s.code AS segment, CASE WHEN e.community IS NULL THEN 'component' ELSE 'community' END AS kind,
                     toString(coalesce(e.community, e.wcc)) AS grp, e ORDER BY e.score DESC, e.uscc
                WITH segment, kind, grp, collect({uscc: e.uscc, name: e.name, grade: e.grade, score: e.score}) AS firms
                WHERE size(firms) >= $min
                WITH segment, kind, grp, firms ORDER BY size(firms) DESC, grp
                WITH segment, collect({kind: kind, grp: grp, firms: firms})[..$per] AS top
                UNWIND top AS t
                RETURN segment, t.kind AS kind, t.grp AS grp, size(t.firms) AS size, t.firms[..$shown] AS firms
                ORDER BY segment, size DESC""", Map.of("min", minFirms, "per", perSegment, "shown", firmsShown),
                r -> out.add(new RiskCluster(r.get("segment").asString(), r.get("grp").asString(), r.get("kind").asString(),
                        r.get("firms").asList(v -> v.asMap()), r.get("size").asLong())));
        return out;
    }

    /**
     * A fingerprint of the store's size: its node and relationship counts (from Neo4j's count store, so it costs
     * no scan). It changes when an ingest adds or removes anything, not when only properties change; Neo4j
     * Community does not report its last committed transaction ({@code SHOW DATABASES} gives null), which would.
     */
    @Override
    public long storeVersion() {
        long[] v = new long[2];
        read("CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
                + "RETURN nodes, rels", Map.of(), r -> {
            v[0] = r.get("nodes").asLong();
            v[1] = r.get("rels").asLong();
        });
        return v[0] * 1_000_000_007L + v[1];
    }

    @Override
    public boolean ping() {
        try {
            read("RETURN 1", Map.of(), r -> { });
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void read(String cypher, Map<String, Object> params, Consumer<Record> sink) {
        try (Session s = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            s.executeRead(tx -> {
                tx.run(cypher, params).forEachRemaining(sink);
                return null;
            });
        } catch (Neo4jException e) {
            throw new GraphStoreException("read failed: " + e.getMessage(), e);
        }
    }
}
