package io.riskgraph.progress;

/**
 * Named points in the middle of a write where a fault test can stop a process for certain (FaultsTest kills a child
 * {@code riskgraph} with SIGKILL there). Off unless the JVM runs with {@code -Driskgraph.pauseAt=NAME}: then reaching
 * that point prints {@code riskgraph: paused at NAME} on stderr and waits for ever. No effect on normal runs.
 */
public final class PausePoint {
    public static final String PROPERTY = "riskgraph.pauseAt";
    /** In ModelRegistry.save: the booster files are written in the temporary folder, model.json and the move are not. */
    public static final String MODEL_SAVE = "model-save";

    private PausePoint() {}

    public static void reach(String name) {
        if (!name.equals(System.getProperty(PROPERTY))) return;
        System.err.println("riskgraph: paused at " + name);
        System.err.flush();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
