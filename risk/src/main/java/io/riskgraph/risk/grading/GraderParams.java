package io.riskgraph.risk.grading;

import java.util.EnumSet;
import java.util.Set;

/**
 * @param topReasons how many contributing indicators a grade names, 1..20
 * @param excluded   categories switched off (their weight counts as 0), for ablation
 */
public record GraderParams(int topReasons, Set<Category> excluded) {
    public static final int TOP_REASONS_DEFAULT = 3;
    public static final GraderParams DEFAULT = new GraderParams(TOP_REASONS_DEFAULT, Set.of());

    public GraderParams {
        if (topReasons < 1 || topReasons > 20) throw new IllegalArgumentException("topReasons must be in 1..20, got " + topReasons);
        excluded = excluded == null || excluded.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(excluded));
    }

    public GraderParams without(Category c) {
        EnumSet<Category> s = excluded.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(excluded);
        s.add(c);
        return new GraderParams(topReasons, s);
    }
}
