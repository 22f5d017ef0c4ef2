package io.riskgraph.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Lookup of the contract's UPPER_SNAKE_CASE enum values, case-insensitively. */
public final class Enums {
    private Enums() {}

    /** Each enum's constants by name, and by the texts already seen that name one (bounded). */
    private static final ClassValue<Map<String, Optional<? extends Enum<?>>>> BY_TEXT = new ClassValue<>() {
        @Override
        protected Map<String, Optional<? extends Enum<?>>> computeValue(Class<?> type) {
            Map<String, Optional<? extends Enum<?>>> m = new ConcurrentHashMap<>();
            for (Object e : type.getEnumConstants()) m.put(((Enum<?>) e).name(), Optional.of((Enum<?>) e));
            return m;
        }
    };
    private static final int REMEMBERED_TEXTS = 256;

    @SuppressWarnings("unchecked")
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (text == null) return Optional.empty();
        Map<String, Optional<? extends Enum<?>>> known = BY_TEXT.get(type);
        Optional<? extends Enum<?>> hit = known.get(text);
        if (hit != null) return (Optional<E>) hit;
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        Optional<E> found = Optional.empty();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                found = Optional.of(e);
                break;
            }
        }
        // a spelling other than the name itself (lower case, a dash): remembered while few (no unbounded growth)
        if (found.isPresent() && known.size() < REMEMBERED_TEXTS) known.put(text, found);
        return found;
    }

    /** The allowed values, for error messages: "COMPANY, BRANCH, ...". */
    public static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
