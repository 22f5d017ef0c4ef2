package io.riskgraph.algorithms.projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to project: node labels, relationship types each with a weight, an optional relationship property that
 * multiplies the type weight (e.g. {@code share}), and the orientation. Validated here so that a wrong request
 * fails before anything is read from the store.
 *
 * @param labels              node labels; relationships whose ends are outside these labels are dropped
 * @param relationshipWeights relationship type to its weight (positive, finite); iteration order is kept
 * @param weightProperty      relationship property multiplied into the weight when present, or null
 * @param orientation         how relationships are followed
 */
public record ProjectionSpec(List<String> labels, Map<String, Double> relationshipWeights, String weightProperty,
                             Orientation orientation) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    /** Types are stored per relationship in a byte. */
    public static final int MAX_TYPES = 127;
    public static final int MAX_LABELS = 127;

    public ProjectionSpec {
        if (labels == null || labels.isEmpty()) throw new IllegalArgumentException("name at least one node label");
        if (labels.size() > MAX_LABELS) throw new IllegalArgumentException("at most " + MAX_LABELS + " labels");
        for (String l : labels) requireIdentifier("label", l);
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels repeat: " + labels);
        }
        if (relationshipWeights == null || relationshipWeights.isEmpty()) {
            throw new IllegalArgumentException("name at least one relationship type");
        }
        if (relationshipWeights.size() > MAX_TYPES) {
            throw new IllegalArgumentException("at most " + MAX_TYPES + " relationship types");
        }
        relationshipWeights.forEach((type, w) -> {
            requireIdentifier("relationship type", type);
            if (w == null || !(w > 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight of " + type + " must be positive and finite, got " + w);
            }
        });
        if (weightProperty != null) requireIdentifier("weight property", weightProperty);
        if (orientation == null) throw new IllegalArgumentException("orientation is required");
        labels = List.copyOf(labels);
        relationshipWeights = Collections.unmodifiableMap(new LinkedHashMap<>(relationshipWeights));
    }

    /** Every type with weight 1. */
    public static ProjectionSpec of(List<String> labels, List<String> types, Orientation orientation) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String t : types) w.put(t, 1.0);
        return new ProjectionSpec(labels, w, null, orientation);
    }

    public List<String> types() { return new ArrayList<>(relationshipWeights.keySet()); }

    public ProjectionSpec withOrientation(Orientation o) {
        return new ProjectionSpec(labels, relationshipWeights, weightProperty, o);
    }

    static String requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' is not an identifier ([A-Za-z][A-Za-z0-9_]*)");
        }
        return name;
    }
}
