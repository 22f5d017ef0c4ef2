package io.riskgraph.api;

import io.javalin.security.RouteRole;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * API key roles, each including everything of the roles before it: a consumer reads profiles, related parties,
 * holders, paths, segments and search with persons masked; an analyst adds the named queries and read-only
 * Cypher; an investigator adds full person data; an admin adds key management, re-indexing and the audit export.
 */
public enum Role implements RouteRole {
    CONSUMER, ANALYST, INVESTIGATOR, ADMIN;

    public boolean includes(Role other) { return ordinal() >= other.ordinal(); }

    /** Whether person names and identifiers are shown in full. */
    public boolean seesFullPersons() { return includes(INVESTIGATOR); }

    public static Role parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown role '" + s + "'; roles: " + Arrays.stream(values())
                    .map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    public String lower() { return name().toLowerCase(Locale.ROOT); }
}
