package io.riskgraph.query;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One query of a catalogue: its name, what it answers, its parameters and its statement in the catalogue's
 * language.
 */
public record NamedQuery(String name, String description, List<Param> params, String statement) {
    public record Param(String name, String description) {}

    public NamedQuery {
        params = List.copyOf(params);
    }

    /** Refuses missing or unknown parameters with a message that lists the right ones. */
    public void checkParams(Set<String> given) {
        Set<String> declared = new TreeSet<>();
        params.forEach(p -> declared.add(p.name()));
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(given);
        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(declared);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder m = new StringBuilder("query '" + name + "'");
            if (!missing.isEmpty()) m.append(" needs ").append(String.join(", ", missing));
            if (!unknown.isEmpty()) m.append(missing.isEmpty() ? "" : ";").append(" has no parameter ")
                    .append(String.join(", ", unknown));
            m.append(" (parameters: ").append(declared.isEmpty() ? "none" : String.join(", ", declared)).append(')');
            throw new IllegalArgumentException(m.toString());
        }
    }
}
