package io.riskgraph.bench.grading;

import io.riskgraph.risk.grading.*;
import io.riskgraph.store.GraphCounts;
import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphPath;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.NodeKey;
import io.riskgraph.store.ProjectionSink;
import io.riskgraph.store.RelationshipBatch;
import io.riskgraph.store.TraversalLimits;
import io.riskgraph.store.UpsertBatch;
import io.riskgraph.store.WriteCounts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A generated city of any size behind the read half of {@link GraphStore}, what {@link GradingData#read} streams,
 * without a database: every node, property and relationship is a function of its position (a hash), so nothing
 * is held but the arrays the grading reads itself. The shape follows the 100,000-firm generator's output per
 * enterprise (1.65 persons, 3.7 roles, 0.27 links, 0.36 inspections, 0.11 samples, 0.07 penalties, 0.25
 * complaints, 0.48 court records, 0.36 alerts); the values are uniform draws, not the generator's risk model, so
 * the grades mean nothing: this measures time. Only the bulk reads are implemented.
 */
final class SyntheticGradingStore implements GraphStore {
    static final List<String> SEGMENTS = List.of("CATERING", "FOOD_PRODUCTION", "FOOD_SALES", "SPECIAL_FOOD", "DRUG_RETAIL",
            "MEDICAL_DEVICE", "COSMETICS", "SPECIAL_EQUIPMENT_USE", "SPECIAL_EQUIPMENT_MAKING", "INDUSTRIAL_PRODUCT",
            "TESTING_AGENCY", "VEHICLE_INSPECTION", "METROLOGY", "ONLINE_TRADING");
    static final int DAY0 = (int) LocalDate.of(2023, 7, 1).toEpochDay(), DAYS = 1096;
    private final int n;
    /** Per label: first store id and count; ids of one label are consecutive. */
    private final Map<String, long[]> range;
    private final long roles, links;

    SyntheticGradingStore(int enterprises) {
        n = enterprises;
        long persons = n * 165L / 100, addresses = n / 3, phones = n / 2;
        roles = n * 37L / 10;
        links = n * 27L / 100;
        long[][] spans = {{n}, {persons}, {addresses}, {phones}, {n * 36L / 100}, {n * 11L / 100}, {n * 7L / 100},
                {n * 25L / 100}, {n * 48L / 100}, {n * 36L / 100}, {200}};
        List<String> labels = List.of("Enterprise", "Person", "Address", "Phone", "Inspection", "Sample", "Penalty",
                "Complaint", "CourtRecord", "Alert", "Inspector");
        Map<String, long[]> r = new java.util.HashMap<>();
        long at = 0;
        for (int i = 0; i < labels.size(); i++) {
            r.put(labels.get(i), new long[]{at, spans[i][0]});
            at += spans[i][0];
        }
        range = r;
    }

    static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** A draw in [0, bound) for this node (or relationship) and this property. */
    static int draw(long id, int salt, int bound) { return (int) Math.floorMod(mix(id * 1_000_003L + salt), (long) bound); }

    private long first(String label) { return range.get(label)[0]; }

    private long count(String label) { return range.get(label)[1]; }

    @Override
    public void streamNodes(List<String> labels, ProjectionSink sink, int batchSize) {
        for (int l = 0; l < labels.size(); l++) {
            long[] r = range.get(labels.get(l));
            if (r == null) continue;
            int label = l;
            batches(r[1], batchSize, (from, k) -> {
                long[] ids = new long[k];
                int[] li = new int[k];
                for (int i = 0; i < k; i++) {
                    ids[i] = r[0] + from + i;
                    li[i] = label;
                }
                sink.nodes(ids, li, k);
            });
        }
    }

    @Override
    public void streamNodeProperty(String label, String property, PropertySink sink, int batchSize) {
        long[] r = range.get(label);
        if (r == null) return;
        LongFunction<Object> value = value(label, property);
        if (value == null) return;
        batches(r[1], batchSize, (from, k) -> {
            long[] ids = new long[k];
            Object[] v = new Object[k];
            int m = 0;
            for (int i = 0; i < k; i++) {
                long pos = from + i;
                Object x = value.apply(pos);
                if (x == null) continue;
                ids[m] = r[0] + pos;
                v[m++] = x;
            }
            sink.values(ids, v, m);
        });
    }

    private LongFunction<Object> value(String label, String property) {
        int salt = property.hashCode();
        return switch (label + "." + property) {
            case "Enterprise.uscc" -> p -> String.format("9131%014d", p);
            case "Enterprise.type" -> p -> switch (draw(p, salt, 20)) {
                case 0, 1, 2 -> "INDIVIDUAL_BUSINESS";
                case 3 -> "BRANCH";
                default -> "COMPANY";
            };
            case "Enterprise.status" -> p -> switch (draw(p, salt, 40)) {
                case 0, 1 -> "ABNORMAL";
                case 2 -> "REVOKED";
                default -> "ACTIVE";
            };
            case "Enterprise.established" -> p -> LocalDate.ofEpochDay(DAY0 - 8000 + draw(p, salt, 9000));
            case "Enterprise.registered_capital" -> p -> (double) (10_000 * (1 + draw(p, salt, 1000)));
            case "Enterprise.paid_in_capital" -> p -> (double) (draw(p, salt, 3) == 0 ? 0 : 5_000 * draw(p, salt + 1, 1000));
            case "Enterprise.employees" -> p -> (double) draw(p, salt, 200);
            case "Enterprise.segments" -> p -> draw(p, salt, 10) == 0 ? List.of()
                    : List.of(SEGMENTS.get(draw(p, salt + 1, SEGMENTS.size())));
            case "Enterprise.phone" -> p -> draw(p, salt, 10) == 0 ? "" : "021-" + p;
            case "Enterprise.pagerank" -> p -> (0.5 + draw(p, salt, 1000) / 1000.0) / n;
            case "Enterprise.degree_weighted" -> p -> (double) draw(p, salt, 30);
            case "Enterprise.betweenness" -> p -> (double) (draw(p, salt, 50) == 0 ? draw(p, salt + 1, 1_000_000) : 0);
            case "Enterprise.wcc_size" -> p -> (double) (1 + draw(p, salt, 100));
            case "Enterprise.risk_own" -> p -> draw(p, salt, 5) == 0 ? draw(p, salt + 1, 100) / 10.0 : 0.0;
            case "Enterprise.risk_inherited" -> p -> draw(p, salt, 3) == 0 ? draw(p, salt + 1, 100) / 20.0 : 0.0;
            case "Enterprise.community" -> p -> p / 40;
            case "Enterprise.wcc" -> p -> p / 15;
            case "Person.person_id" -> p -> "P" + p;
            case "Inspection.date", "Sample.date", "Penalty.date", "Complaint.date", "CourtRecord.date" ->
                    p -> LocalDate.ofEpochDay(DAY0 + draw(p, salt + label.hashCode(), DAYS));
            case "Alert.time" -> p -> LocalDate.ofEpochDay(DAY0 + draw(p, salt, DAYS)).atStartOfDay(java.time.ZoneOffset.UTC);
            case "Inspection.result" -> p -> draw(p, salt, 4) == 0 ? "ISSUES_FOUND" : "NO_ISSUES";
            case "Inspection.issues" -> p -> (long) draw(p, salt, 3);
            case "Inspection.rectified" -> p -> draw(p, salt, 3) == 0 ? "false" : "true";
            case "Inspection.kind" -> p -> List.of("ROUTINE", "TRIGGERED", "COMPLAINT", "REMOTE").get(draw(p, salt, 4));
            case "Sample.result" -> p -> draw(p, salt, 15) == 0 ? "FAIL" : "PASS";
            case "Sample.failed_items" -> p -> draw(p, salt, 15) == 0 ? "MICROBIAL:COLIFORMS" : null;
            case "Penalty.kind" -> p -> List.of("WARNING", "FINE", "CONFISCATION", "CORRECTIVE_NOTICE").get(draw(p, salt, 4));
            case "Penalty.amount" -> p -> (double) (1000 * draw(p, salt, 200));
            case "Penalty.leniency" -> p -> draw(p, salt, 5) == 0 ? "REDUCED" : null;
            case "Complaint.verified" -> p -> switch (draw(p, salt, 3)) {
                case 0 -> "true";
                case 1 -> "false";
                default -> null;
            };
            case "CourtRecord.kind" -> p -> List.of("LAWSUIT", "ENFORCEMENT", "DISHONEST_EXECUTEE").get(draw(p, salt, 3));
            case "CourtRecord.role" -> p -> draw(p, salt, 2) == 0 ? "DEFENDANT" : "PLAINTIFF";
            case "CourtRecord.outcome" -> p -> draw(p, salt, 3) == 0 ? "LOST" : null;
            case "CourtRecord.status" -> p -> draw(p, salt, 2) == 0 ? "CLEARED" : "ACTIVE";
            case "CourtRecord.amount" -> p -> (double) (1000 * draw(p, salt, 500));
            case "Alert.kind" -> p -> List.of("RODENT", "SMOKING", "NO_MASK", "NO_HAT").get(draw(p, salt, 4));
            case "Alert.status" -> p -> draw(p, salt, 6) == 0 ? "OPEN" : "CLOSED";
            default -> null;
        };
    }

    /** An enterprise for relationship k, skewed so that some persons and addresses hold several firms. */
    private long enterprise(long k, int salt) { return first("Enterprise") + draw(k, salt, n); }

    @Override
    public void streamRelationships(List<String> types, String weightProperty, ProjectionSink sink, int batchSize) {
        for (int t = 0; t < types.size(); t++) {
            String type = types.get(t);
            int ti = t;
            int salt = type.hashCode();
            long total;
            java.util.function.LongUnaryOperator start, end;
            switch (type) {
                case "LEGAL_REPRESENTATIVE_OF" -> {
                    // one per firm; a principal holds about 1.3 firms
                    total = n;
                    start = k -> first("Person") + draw(k, salt, (int) (n / 1.3));
                    end = k -> first("Enterprise") + k;
                }
                case "SHAREHOLDER_OF", "DIRECTOR_OF", "SUPERVISOR_OF", "MANAGER_OF", "FINANCE_OFFICER_OF", "CONTACT_OF" -> {
                    total = (roles - n) / 6;
                    start = k -> first("Person") + draw(k, salt, (int) count("Person"));
                    end = k -> enterprise(k, salt + 1);
                }
                case "INVESTS_IN", "BRANCH_OF", "SUPPLIES", "GUARANTEES" -> {
                    total = links / 4;
                    start = k -> enterprise(k, salt);
                    end = k -> enterprise(k, salt + 1);
                }
                case "LOCATED_AT", "HAS_PHONE" -> {
                    String target = type.equals("LOCATED_AT") ? "Address" : "Phone";
                    total = n + count("Person");
                    // firms first, then persons; a few addresses hold hundreds of firms (formation agents)
                    start = k -> k < n ? first("Enterprise") + k : first("Person") + (k - n);
                    end = k -> first(target) + (draw(k, salt, 100) == 0 ? draw(k, salt + 1, 50)
                            : draw(k, salt + 2, (int) count(target)));
                }
                case "INSPECTED", "SAMPLED_AT", "IMPOSED_ON", "COMPLAINS_ABOUT", "RAISED_AT", "PRODUCED_BY", "CONCERNS" -> {
                    String label = switch (type) {
                        case "INSPECTED" -> "Inspection";
                        case "SAMPLED_AT", "PRODUCED_BY" -> "Sample";
                        case "IMPOSED_ON" -> "Penalty";
                        case "COMPLAINS_ABOUT" -> "Complaint";
                        case "RAISED_AT" -> "Alert";
                        default -> "CourtRecord";
                    };
                    total = type.equals("PRODUCED_BY") ? count(label) / 3 : count(label);
                    start = k -> first(label) + k;
                    // a court record concerns a person one time in four
                    end = type.equals("CONCERNS")
                            ? k -> draw(k, salt, 4) == 0 ? first("Person") + draw(k, salt + 1, (int) count("Person")) : enterprise(k, salt + 2)
                            : k -> enterprise(k, salt + 3);
                }
                case "IS_PERSON" -> {
                    total = 200;
                    start = k -> first("Inspector") + k;
                    end = k -> first("Person") + draw(k, salt, (int) count("Person"));
                }
                case "CARRIED_OUT" -> {
                    total = count("Inspection");
                    start = k -> first("Inspector") + draw(k, salt, 200);
                    end = k -> first("Inspection") + k;
                }
                default -> {
                    continue;
                }
            }
            java.util.function.LongUnaryOperator s = start, e = end;
            batches(total, batchSize, (from, k) -> {
                long[] a = new long[k], b = new long[k];
                int[] ty = new int[k];
                double[] w = new double[k];
                for (int i = 0; i < k; i++) {
                    a[i] = s.applyAsLong(from + i);
                    b[i] = e.applyAsLong(from + i);
                    ty[i] = ti;
                    w[i] = 1;
                }
                sink.relationships(a, b, ty, w, k);
            });
        }
    }

    private interface Batch { void accept(long from, int count); }

    private static void batches(long total, int size, Batch batch) {
        for (long from = 0; from < total; from += size) batch.accept(from, (int) Math.min(size, total - from));
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the synthetic city only streams its bulk reads");
    }

    @Override public WriteCounts upsert(UpsertBatch batch) { throw readOnly(); }
    @Override public WriteCounts upsert(RelationshipBatch batch) { throw readOnly(); }
    @Override public GraphCounts counts() { throw readOnly(); }
    @Override public WriteCounts writeNodeProperty(String property, long[] ids, Object[] values) { throw readOnly(); }
    @Override public WriteCounts writeNodeProperties(long[] ids, Map<String, Object[]> valuesByProperty) { throw readOnly(); }
    @Override public WriteCounts writeNodeProperties(NodeKey node, Map<Object, Map<String, Object>> propertiesByKey) { throw readOnly(); }
    @Override public Optional<GraphNode> node(NodeKey node, Object key) { throw readOnly(); }
    @Override public List<GraphPath> neighbourhood(NodeKey node, Object key, TraversalLimits limits) { throw readOnly(); }
    @Override public List<GraphPath> shortestPaths(NodeKey from, Object fromKey, NodeKey to, Object toKey, TraversalLimits limits) { throw readOnly(); }
    @Override public Map<Object, Set<Object>> reachable(NodeKey start, Collection<?> startKeys, NodeKey target, TraversalLimits limits) { throw readOnly(); }
    @Override public void close() {}
}
