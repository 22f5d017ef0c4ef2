package io.riskgraph.store;

/**
 * The write half of a {@link GraphStore}: keyed upserts, which is all that ingest needs. A store writes them at
 * once; a bulk writer turns them into files for an offline importer.
 */
public interface GraphWriter {

    /** Creates or updates nodes by key with their relationships; idempotent. */
    WriteCounts upsert(UpsertBatch batch);

    /** Creates or updates relationships between keyed nodes; idempotent. */
    WriteCounts upsert(RelationshipBatch batch);
}
