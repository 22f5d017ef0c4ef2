package io.riskgraph.store;

import java.util.regex.Pattern;

/**
 * How a node is identified: its label and the property that holds its key. Labels and property names become
 * part of query text, so they are restricted to identifiers here, once, and values always travel as parameters.
 */
public record NodeKey(String label, String property) {
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    public NodeKey {
        requireIdentifier("label", label);
        requireIdentifier("key property", property);
    }

    public static String requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' is not an identifier ([A-Za-z][A-Za-z0-9_]*)");
        }
        return name;
    }
}
