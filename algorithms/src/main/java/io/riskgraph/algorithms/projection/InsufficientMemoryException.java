package io.riskgraph.algorithms.projection;

/** A projection or computation was refused before it started because its estimate exceeds the free heap. */
public class InsufficientMemoryException extends IllegalStateException {
    private final MemoryEstimate estimate;

    public InsufficientMemoryException(MemoryEstimate estimate, long available) {
        super("projection needs about " + mib(estimate.bytes()) + " MiB (" + estimate.nodes() + " nodes, "
                + estimate.relationships() + " relationships) but only " + mib(available)
                + " MiB of heap can be had (max heap " + mib(Runtime.getRuntime().maxMemory())
                + " MiB); raise -Xmx or project fewer labels or relationship types");
        this.estimate = estimate;
    }

    public MemoryEstimate estimate() { return estimate; }

    static long mib(long bytes) { return (bytes + (1 << 20) - 1) >> 20; }
}
