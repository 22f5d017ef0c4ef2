package io.riskgraph.ingest;

import io.riskgraph.model.EventKinds.SubjectType;
import io.riskgraph.model.Role;
import io.riskgraph.model.Segment;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.RelationshipSpec;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.UpsertBatch.Link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How each canonical file becomes nodes and relationships (docs/graph-schema.md). The one place that knows the
 * graph's labels and relationship types for ingest.
 */
public final class GraphMapping {
    public static final NodeKey ENTERPRISE = new NodeKey("Enterprise", "uscc");
    public static final NodeKey PERSON = new NodeKey("Person", "person_id");
    public static final NodeKey INSPECTOR = new NodeKey("Inspector", "inspector_id");
    public static final NodeKey ADDRESS = new NodeKey("Address", "address");
    public static final NodeKey PHONE = new NodeKey("Phone", "number");
    public static final NodeKey SEGMENT = new NodeKey("Segment", "code");

    static final RelationshipSpec LOCATED_AT = RelationshipSpec.toDerived("LOCATED_AT", ADDRESS);
    static final RelationshipSpec HAS_PHONE = RelationshipSpec.toDerived("HAS_PHONE", PHONE);
    static final RelationshipSpec IN_SEGMENT = RelationshipSpec.out("IN_SEGMENT", SEGMENT, true);

    /** The node shape a node file writes: its key and relationship specs. */
    record NodeShape(NodeKey key, List<RelationshipSpec> specs) {}

    /** A unit of work for the writer: one node row of a shape, or one relationship row of a type. */
    sealed interface Entry permits NodeEntry, RelationshipEntry {}

    record NodeEntry(NodeShape shape, UpsertBatch.Row row) implements Entry {}

    record RelationshipEntry(String type, NodeKey from, NodeKey to, RelationshipBatch.Row row) implements Entry {}

    private static final Map<CanonicalFile, NodeShape> SHAPES = new HashMap<>();

    static {
        SHAPES.put(CanonicalFile.ENTERPRISES, new NodeShape(ENTERPRISE, List.of(LOCATED_AT, HAS_PHONE, IN_SEGMENT)));
        SHAPES.put(CanonicalFile.PERSONS, new NodeShape(PERSON, List.of(LOCATED_AT, HAS_PHONE)));
        SHAPES.put(CanonicalFile.INSPECTORS, new NodeShape(INSPECTOR,
                List.of(RelationshipSpec.out("IS_PERSON", PERSON, true))));
        SHAPES.put(CanonicalFile.INSPECTIONS, event("Inspection", RelationshipSpec.out("INSPECTED", ENTERPRISE, true),
                RelationshipSpec.in("CARRIED_OUT", INSPECTOR, true)));
        SHAPES.put(CanonicalFile.SAMPLES, event("Sample", RelationshipSpec.out("SAMPLED_AT", ENTERPRISE, true),
                RelationshipSpec.out("PRODUCED_BY", ENTERPRISE, true)));
        SHAPES.put(CanonicalFile.PENALTIES, event("Penalty", RelationshipSpec.out("IMPOSED_ON", ENTERPRISE, true)));
        SHAPES.put(CanonicalFile.COMPLAINTS, event("Complaint",
                RelationshipSpec.out("COMPLAINS_ABOUT", ENTERPRISE, true)));
        SHAPES.put(CanonicalFile.COURT_RECORDS, event("CourtRecord", RelationshipSpec.out("CONCERNS", ENTERPRISE, true),
                RelationshipSpec.out("CONCERNS", PERSON, true)));
        SHAPES.put(CanonicalFile.ALERTS, event("Alert", RelationshipSpec.out("RAISED_AT", ENTERPRISE, true)));
    }

    private static NodeShape event(String label, RelationshipSpec... specs) {
        return new NodeShape(new NodeKey(label, "id"), List.of(specs));
    }

    private GraphMapping() {}

    /** The Segment nodes, with their names, written once before anything refers to them. */
    public static UpsertBatch segments() {
        List<UpsertBatch.Row> rows = new ArrayList<>();
        for (Segment s : Segment.values()) {
            // an ordered map: Map.of's order changes from one run to the next, and with it the importer files' columns
            Map<String, Object> props = new java.util.LinkedHashMap<>();
            props.put("name_zh", s.nameZh());
            props.put("name_en", s.nameEn());
            rows.add(new UpsertBatch.Row(s.name(), props, null));
        }
        return new UpsertBatch(SEGMENT, List.of(), rows);
    }

    /**
     * The write of one inspections row given as validated field values (an inspection result posted to the API):
     * the same node, properties and links ingest makes from a row of inspections.csv.
     */
    public static UpsertBatch inspection(Map<String, Object> values) {
        List<UpsertBatch> out = new ArrayList<>(1);
        map(CanonicalFile.INSPECTIONS, new ValidRow(0, values, List.of()), e -> {
            NodeEntry n = (NodeEntry) e;
            out.add(new UpsertBatch(n.shape().key(), n.shape().specs(), List.of(n.row())));
        });
        return out.getFirst();
    }

    /** Emits the entries for one valid row. */
    static void map(CanonicalFile file, ValidRow row, Consumer<Entry> out) {
        Map<String, Object> props = new HashMap<>(row.values());
        switch (file) {
            case ROLES -> {
                Role role = Role.valueOf((String) props.remove("role"));
                Object person = props.remove("person_id");
                Object uscc = props.remove("uscc");
                out.accept(new RelationshipEntry(role.relationshipType(), PERSON, ENTERPRISE,
                        new RelationshipBatch.Row(person, uscc, props)));
            }
            case ENTERPRISE_LINKS -> {
                String kind = (String) props.remove("kind");
                Object from = props.remove("from_uscc");
                Object to = props.remove("to_uscc");
                out.accept(new RelationshipEntry(kind, ENTERPRISE, ENTERPRISE, new RelationshipBatch.Row(from, to, props)));
            }
            default -> {
                NodeShape shape = SHAPES.get(file);
                Object key = props.remove(file.keyField());
                out.accept(new NodeEntry(shape, new UpsertBatch.Row(key, props, links(file, row))));
            }
        }
    }

    private static List<Link> links(CanonicalFile file, ValidRow row) {
        List<Link> links = new ArrayList<>(2);
        switch (file) {
            case ENTERPRISES, PERSONS -> {
                Normalise.address(row.text("address")).ifPresent(a -> links.add(new Link(0, a, null)));
                Normalise.phone(row.text("phone")).ifPresent(p -> links.add(new Link(1, p, null)));
                if (file == CanonicalFile.ENTERPRISES && row.get("segments") instanceof List<?> segments) {
                    for (Object s : segments) links.add(new Link(2, s, null));
                }
            }
            case INSPECTORS -> addIfPresent(links, 0, row.get("person_id"));
            case INSPECTIONS -> {
                links.add(new Link(0, row.get("uscc"), null));
                if (row.get("inspectors") instanceof List<?> inspectors) {
                    for (Object i : inspectors) links.add(new Link(1, i, null));
                }
            }
            case SAMPLES -> {
                links.add(new Link(0, row.get("uscc"), null));
                addIfPresent(links, 1, row.get("producer_uscc"));
            }
            case COURT_RECORDS -> links.add(new Link(
                    SubjectType.ENTERPRISE.name().equals(row.get("subject_type")) ? 0 : 1, row.get("subject_id"), null));
            default -> links.add(new Link(0, row.get("uscc"), null));
        }
        return links;
    }

    private static void addIfPresent(List<Link> links, int spec, Object key) {
        if (key != null) links.add(new Link(spec, key, null));
    }
}
