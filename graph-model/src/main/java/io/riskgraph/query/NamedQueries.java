package io.riskgraph.query;

import java.util.List;
import java.util.Optional;

/** A catalogue of named analyst queries in one language, run through that language's {@link ReadOnlyQueries}. */
public interface NamedQueries {
    /** The language of the statements ("Cypher", "Gremlin"). */
    String language();

    List<NamedQuery> all();

    default Optional<NamedQuery> find(String name) {
        return all().stream().filter(q -> q.name().equals(name)).findFirst();
    }

    default NamedQuery get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no query named '" + name
                + "'; known: " + String.join(", ", all().stream().map(NamedQuery::name).toList())));
    }
}
