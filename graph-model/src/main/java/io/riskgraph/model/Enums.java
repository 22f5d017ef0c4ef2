package io.riskgraph.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lookup of the contract's UPPER_SNAKE_CASE enum values, case-insensitively. */
public final class Enums {
    private Enums() {}

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) return Optional.empty();
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** The allowed values, for error messages: "COMPANY, BRANCH, ...". */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
