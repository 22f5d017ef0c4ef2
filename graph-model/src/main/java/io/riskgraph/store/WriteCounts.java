package io.riskgraph.store;

/** What a write changed in the store. */
public record WriteCounts(long nodesCreated, long relationshipsCreated, long relationshipsDeleted,
                          long propertiesSet) {
    public static final WriteCounts NONE = new WriteCounts(0, 0, 0, 0);

    public WriteCounts plus(WriteCounts o) {
        return new WriteCounts(nodesCreated + o.nodesCreated, relationshipsCreated + o.relationshipsCreated,
                relationshipsDeleted + o.relationshipsDeleted, propertiesSet + o.propertiesSet);
    }

    public boolean changedNothing() {
        return nodesCreated == 0 && relationshipsCreated == 0 && relationshipsDeleted == 0 && propertiesSet == 0;
    }
}
