package io.riskgraph.algorithms.projection;

import java.util.Locale;

/** Which way a stored relationship (a)-[r]->(b) is followed in the projection. */
public enum Orientation {
    /** a -> b, as stored */
    NATURAL,
    /** b -> a */
    REVERSE,
    /** both; each relationship becomes two adjacency entries */
    UNDIRECTED;

    /** Case-insensitive, with a message naming the valid values. */
    public static Orientation parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("orientation '" + text + "' is not one of natural, reverse, undirected");
        }
    }
}
