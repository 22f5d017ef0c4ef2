package io.riskgraph.algorithms.projection;

import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.store.GraphCounts;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.ProjectionSink;

import java.util.List;

/**
 * Loads a {@link CompactGraph} from a {@link GraphStore} by streaming nodes, then relationships, through a
 * {@link ProjectionSink}. The memory estimate is computed from {@link GraphStore#counts()} and checked against the
 * heap before anything is streamed, so a city that does not fit fails in a second with a message, not after ten
 * minutes with an OutOfMemoryError.
 */
public final class Projector {
    public static final int BATCH_SIZE_DEFAULT = 10_000;
    /** Fraction of the free heap a projection may plan to use; the rest is for the algorithms that follow. */
    public static final double HEAP_FRACTION_DEFAULT = 0.8;

    private final GraphStore store;
    private final int batchSize;
    private final double heapFraction;

    public Projector(GraphStore store) {
        this(store, BATCH_SIZE_DEFAULT, HEAP_FRACTION_DEFAULT);
    }

    public Projector(GraphStore store, int batchSize, double heapFraction) {
        if (store == null) throw new IllegalArgumentException("store is required");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        if (!(heapFraction > 0 && heapFraction <= 1)) {
            throw new IllegalArgumentException("heap fraction must be in (0, 1], got " + heapFraction);
        }
        this.store = store;
        this.batchSize = batchSize;
        this.heapFraction = heapFraction;
    }

    /** The estimate for a spec, from the store's counts; nothing is loaded. */
    public MemoryEstimate estimate(ProjectionSpec spec) {
        GraphCounts counts = store.counts();
        long nodes = 0;
        for (String l : spec.labels()) nodes += counts.nodes(l);
        long rels = 0;
        for (String t : spec.relationshipWeights().keySet()) rels += counts.relationships(t);
        return MemoryEstimate.of(nodes, rels, spec.orientation(), spec.weightProperty() != null);
    }

    public CompactGraph load(ProjectionSpec spec, ProgressListener progress, Cancellation cancellation) {
        MemoryEstimate estimate = estimate(spec);
        long available = MemoryEstimate.availableHeap();
        if (estimate.bytes() > (long) (available * heapFraction)) {
            throw new InsufficientMemoryException(estimate, (long) (available * heapFraction));
        }
        List<String> types = spec.types();
        double[] typeWeights = new double[types.size()];
        for (int i = 0; i < typeWeights.length; i++) typeWeights[i] = spec.relationshipWeights().get(types.get(i));
        GraphBuilder builder = new GraphBuilder(spec.labels(), types, typeWeights, spec.orientation(),
                spec.weightProperty() != null);

        String nodeTask = "projection: nodes (estimate " + InsufficientMemoryException.mib(estimate.bytes())
                + " MiB peak, " + InsufficientMemoryException.mib(estimate.bytesAfterLoad()) + " MiB after)";
        progress.start(nodeTask, estimate.nodes());
        store.streamNodes(spec.labels(), new ProjectionSink() {
            @Override
            public void nodes(long[] ids, int[] labelIndex, int count) {
                cancellation.throwIfCancelled();
                for (int i = 0; i < count; i++) builder.addNode(ids[i], labelIndex[i]);
                progress.advance(count);
            }
        }, batchSize);
        builder.finishNodes();
        progress.finish(nodeTask);

        String relTask = "projection: relationships";
        progress.start(relTask, estimate.relationships());
        builder.expectRelationships(estimate.relationships());
        store.streamRelationships(types, spec.weightProperty(), new ProjectionSink() {
            @Override
            public void relationships(long[] start, long[] end, int[] typeIndex, double[] weight, int count) {
                cancellation.throwIfCancelled();
                for (int i = 0; i < count; i++) builder.addStoreRelationship(start[i], end[i], typeIndex[i], weight[i]);
                progress.advance(count);
            }
        }, batchSize);
        progress.finish(relTask);
        cancellation.throwIfCancelled();
        return builder.build();
    }
}
