package io.riskgraph.algorithms;

import io.riskgraph.algorithms.projection.Orientation;

import java.util.List;
import java.util.Map;

/**
 * What the CLI's {@code riskgraph algo NAME [--labels ..] [--relationships ..] [--orientation ..]} asks for.
 * Null or empty fields take the algorithm's defaults ({@link Analysis#STANDARD_LABELS},
 * {@link Analysis#STANDARD_WEIGHTS}, the orientation named in {@link Analysis#ALGORITHMS}).
 *
 * @param labels        node labels to project
 * @param relationships relationship types to project (each with its standard weight, or 1 if it has none)
 * @param orientation   how relationships are followed
 * @param parameters    algorithm parameters by name, e.g. {@code dampingFactor=0.9}; unknown names are refused
 */
public record AlgorithmRequest(List<String> labels, List<String> relationships, Orientation orientation,
                               Map<String, String> parameters) {
    public static final AlgorithmRequest DEFAULTS = new AlgorithmRequest(null, null, null, null);

    public AlgorithmRequest {
        labels = labels == null ? List.of() : List.copyOf(labels);
        relationships = relationships == null ? List.of() : List.copyOf(relationships);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
