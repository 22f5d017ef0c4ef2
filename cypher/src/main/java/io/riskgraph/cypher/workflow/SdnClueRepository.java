package io.riskgraph.cypher.workflow;

import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.ClueFilter;
import io.riskgraph.workflow.ClueRepository;
import io.riskgraph.workflow.ClueStatus;
import io.riskgraph.workflow.NewClue;
import org.springframework.data.neo4j.core.Neo4jClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link ClueRepository} over Spring Data Neo4j: entity reads through the repository, bulk writes through its client. */
final class SdnClueRepository implements ClueRepository {
    /** Clues per write transaction when storing a rule run's findings. */
    static final int STORE_BATCH = 5_000;

    private static final String STORE_NEW = """
            UNWIND $rows AS row
            OPTIONAL MATCH (existing:Clue {id: row.id})
            WITH row WHERE existing IS NULL
            CREATE (c:Clue)
            SET c = row.props
            CREATE (c)-[:HAS_CHANGE]->(h:ClueChange)
            SET h = row.change
            RETURN count(c) AS created
            """;

    private static final String APPLY_CHANGE = """
            MATCH (c:Clue {id: $id}) WHERE c.status = $from
            OPTIONAL MATCH (c)-[:HAS_CHANGE]->(old:ClueChange)
            WITH c, count(old) AS seq
            SET c.status = $to
            CREATE (c)-[:HAS_CHANGE]->(h:ClueChange)
            SET h = {id: randomUUID(), seq: seq, from: $from, to: $to, by: $by, at: $at, note: $note}
            RETURN c.id AS id
            """;

    private final ClueNodeRepository nodes;
    private final Neo4jClient client;

    SdnClueRepository(ClueNodeRepository nodes, Neo4jClient client) {
        this.nodes = nodes;
        this.client = client;
    }

    @Override
    public int storeNew(Collection<NewClue> clues, String by, Instant at) {
        Map<String, NewClue> byId = new LinkedHashMap<>();
        for (NewClue clue : clues) byId.putIfAbsent(clue.id(), clue);
        List<Map<String, Object>> rows = new ArrayList<>(Math.min(byId.size(), STORE_BATCH));
        int created = 0;
        for (NewClue clue : byId.values()) {
            rows.add(row(clue, by, at));
            if (rows.size() == STORE_BATCH) {
                created += write(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) created += write(rows);
        return created;
    }

    private int write(List<Map<String, Object>> rows) {
        return client.query(STORE_NEW).bind(rows).to("rows")
                .fetchAs(Long.class).one().map(Long::intValue).orElse(0);
    }

    private static Map<String, Object> row(NewClue clue, String by, Instant at) {
        List<String> kinds = new ArrayList<>(), refs = new ArrayList<>(), notes = new ArrayList<>();
        for (Clue.Evidence e : clue.evidence()) {
            kinds.add(e.kind());
            refs.add(e.ref());
            notes.add(e.note());
        }
        Map<String, Object> props = new HashMap<>();
        props.put("id", clue.id());
        props.put("rule", clue.rule());
        props.put("dedup_key", clue.dedupKey());
        if (clue.uscc() != null) props.put("uscc", clue.uscc());
        if (clue.segment() != null) props.put("segment", clue.segment());
        props.put("severity", clue.severity());
        props.put("summary", clue.summary());
        props.put("evidence_kinds", kinds);
        props.put("evidence_refs", refs);
        props.put("evidence_notes", notes);
        props.put("as_of", clue.asOf());
        props.put("status", ClueStatus.NEW.name());
        props.put("created_at", at.atOffset(ZoneOffset.UTC));
        Map<String, Object> change = Map.of("id", java.util.UUID.randomUUID().toString(), "seq", 0,
                "to", ClueStatus.NEW.name(), "by", by, "at", at.atOffset(ZoneOffset.UTC), "note", "found by " + clue.rule());
        return Map.of("id", clue.id(), "props", props, "change", change);
    }

    @Override
    public Optional<Clue> find(String id) {
        return nodes.findById(id).map(SdnClueRepository::toClue);
    }

    @Override
    public List<Clue> list(ClueFilter f) {
        return nodes.filter(name(f.status()), f.rule(), f.uscc(), f.segment(), f.district(), f.offset(), f.limit())
                .stream().map(SdnClueRepository::toClue).toList();
    }

    @Override
    public long count(ClueFilter f) {
        return nodes.countFiltered(name(f.status()), f.rule(), f.uscc(), f.segment(), f.district());
    }

    @Override
    public Map<String, Long> countByRule() {
        Map<String, Long> counts = new TreeMap<>();
        client.query("MATCH (c:Clue) RETURN c.rule AS rule, count(*) AS n").fetch().all()
                .forEach(r -> counts.put((String) r.get("rule"), ((Number) r.get("n")).longValue()));
        return counts;
    }

    @Override
    public Optional<Clue> applyChange(String id, Clue.StatusChange change) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("from", change.from() == null ? null : change.from().name());
        params.put("to", change.to().name());
        params.put("by", change.by());
        params.put("at", change.at().atOffset(ZoneOffset.UTC));
        params.put("note", change.note());
        boolean applied = client.query(APPLY_CHANGE).bindAll(params).fetch().first().isPresent();
        return applied ? find(id) : Optional.empty();
    }

    private static String name(ClueStatus status) {
        return status == null ? null : status.name();
    }

    static Clue toClue(ClueNode n) {
        List<Clue.Evidence> evidence = new ArrayList<>();
        List<String> kinds = n.evidenceKinds() == null ? List.of() : n.evidenceKinds();
        for (int i = 0; i < kinds.size(); i++) {
            evidence.add(new Clue.Evidence(kinds.get(i), n.evidenceRefs().get(i), n.evidenceNotes().get(i)));
        }
        List<Clue.StatusChange> history = (n.history() == null ? List.<ClueChangeNode>of() : n.history()).stream()
                .sorted(Comparator.comparingInt(ClueChangeNode::seq))
                .map(h -> new Clue.StatusChange(h.from() == null ? null : ClueStatus.valueOf(h.from()),
                        ClueStatus.valueOf(h.to()), h.by(), h.at(), h.note()))
                .toList();
        return new Clue(n.id(), n.rule(), n.dedupKey(), n.uscc(), n.segment(), n.severity(), n.summary(), evidence,
                n.asOf(), ClueStatus.valueOf(n.status()), n.createdAt(), history);
    }
}
