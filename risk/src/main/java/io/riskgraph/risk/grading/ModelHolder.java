package io.riskgraph.risk.grading;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** The model in force. A file that fails validation throws and leaves the previous model in force. */
public final class ModelHolder {
    private final AtomicReference<GradingModel> current;

    public ModelHolder(GradingModel initial) {
        if (initial == null) throw new IllegalArgumentException("an initial model is required");
        current = new AtomicReference<>(initial);
    }

    public GradingModel current() { return current.get(); }

    /** Parses and validates first, swaps only on success. */
    public GradingModel load(Path file) {
        GradingModel m = ModelParser.parse(file);
        current.set(m);
        return m;
    }
}
