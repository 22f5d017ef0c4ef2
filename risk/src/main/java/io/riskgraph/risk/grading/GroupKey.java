package io.riskgraph.risk.grading;

/**
 * A way firms form groups whose members an indicator reads all at once (the firms at one address, with one phone,
 * in one Louvain community or one connected component): a change at one member can move every member's value.
 */
public enum GroupKey {
    ADDRESS, PHONE, COMMUNITY, COMPONENT;

    /** Per enterprise its group's key, negative when it has none. */
    long[] of(GradingData d) {
        return switch (this) {
            case ADDRESS -> d.entAddress;
            case PHONE -> d.entPhone;
            case COMMUNITY -> d.community;
            case COMPONENT -> d.wcc;
        };
    }
}
