package io.riskgraph.risk.grading;

/**
 * A subgroup of a segment that a professional model can be limited to, where the data says the firms differ in
 * what can be known about them: catering firms connected to smart-kitchen cameras have alerts and remote
 * inspections, the others do not; food producers that supply other firms have their products sampled at the
 * sellers, the others only at their own premises.
 */
public enum Subgroup {
    ALL("every firm of the segments"),
    SMART_KITCHEN("firms with a smart-kitchen alert or a remote inspection up to the as-of day"),
    NO_SMART_KITCHEN("firms without smart-kitchen alerts or remote inspections"),
    SUPPLIER("firms with an outgoing SUPPLIES link (their products reach other firms)"),
    NOT_SUPPLIER("firms without an outgoing SUPPLIES link");

    private final String meaning;

    Subgroup(String meaning) { this.meaning = meaning; }

    public String meaning() { return meaning; }

    /** What membership reads that a re-grade can change: the smart-kitchen evidence is events. */
    public java.util.Set<GradingInput> inputs() {
        return switch (this) {
            case SMART_KITCHEN, NO_SMART_KITCHEN -> GradingInput.of(GradingInput.ALERTS, GradingInput.INSPECTIONS);
            case ALL, SUPPLIER, NOT_SUPPLIER -> java.util.Set.of();
        };
    }

    /** Per enterprise index, whether it belongs to this subgroup (segments aside). */
    public boolean[] members(IndicatorContext c) {
        return c.cached("subgroup:" + name(), inputs(), () -> {
            boolean[] in = new boolean[c.n];
            switch (this) {
                case ALL -> java.util.Arrays.fill(in, true);
                case SMART_KITCHEN, NO_SMART_KITCHEN -> {
                    boolean[] smart = new boolean[c.n];
                    GradingData.Events a = c.data.alerts;
                    for (int i = 0; i < a.size(); i++) if (a.ent[i] >= 0 && c.inWindow(a.day[i], 0)) smart[a.ent[i]] = true;
                    GradingData.Events ins = c.data.inspections;
                    java.util.function.IntPredicate remote = IndicatorContext.is(ins, "kind", "REMOTE");
                    for (int i = 0; i < ins.size(); i++) {
                        if (ins.ent[i] >= 0 && c.inWindow(ins.day[i], 0) && remote.test(i)) smart[ins.ent[i]] = true;
                    }
                    for (int i = 0; i < c.n; i++) in[i] = smart[i] == (this == SMART_KITCHEN);
                }
                case SUPPLIER, NOT_SUPPLIER -> {
                    boolean[] supplies = new boolean[c.n];
                    for (int k = 0; k < c.data.linkFrom.length; k++) {
                        if (c.data.linkType[k].equals("SUPPLIES")) supplies[c.data.linkFrom[k]] = true;
                    }
                    for (int i = 0; i < c.n; i++) in[i] = supplies[i] == (this == SUPPLIER);
                }
            }
            return in;
        });
    }
}
