package io.riskgraph.gremlin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Property values as a Gremlin server stores them, and back. Gremlin servers differ in what a property may hold:
 * TinkerGraph keeps any Java value ({@link #NATIVE}: values stay what they are), but JanusGraph 1.1 refuses
 * {@code LocalDate}, {@code OffsetDateTime}, {@code LocalDateTime} and lists ("Property value [...] is of type class
 * java.time.LocalDate is not supported"), and other vendors have their own lists. So on every server that is not
 * TinkerGraph ({@link #PORTABLE}; chosen at connect from the server's profile, see {@link GremlinConnection}) riskgraph
 * stores:
 * <ul>
 *   <li>a date as ISO text {@code 2020-05-01} (sorts as text in date order, so range predicates on text work), a
 *       date-time as ISO text with nine fraction digits and its offset, {@code 2026-02-02T19:45:00.000000000+08:00}
 *       (an {@code Instant} in UTC, {@code ...Z}; a zoned one keeps its offset, not its zone name; these sort in
 *       time order only among equal offsets), a local date-time likewise without the offset;</li>
 *   <li>a list as a JSON array of its (encoded) values, {@code ["CATERING","DRUGS"]};</li>
 *   <li>a {@code BigDecimal} or {@code Float} as a double, an {@code Integer}, {@code Short} or {@code Byte} as a
 *       {@code Long} (JanusGraph fixes a property key's type by the first value written, for every label: a workflow's
 *       int {@code issues} made the inspections' long {@code issues} come back as Integer), other values as they
 *       are.</li>
 * </ul>
 * Reads turn text of exactly those shapes back into dates, date-times and lists ({@link #fromGremlin}): a text
 * property that happens to be shaped so (say the literal {@code 2020-05-01}) reads back as a date.
 */
final class GremlinValues {
    /** TinkerGraph's: values as they are (BigDecimal as double, Instant as a UTC date-time), text stays text. */
    static final GremlinValues NATIVE = new GremlinValues(false);
    /** Every other server's: dates, date-times and lists as text, read back by shape. */
    static final GremlinValues PORTABLE = new GremlinValues(true);
    private static final Map<GraphTraversalSource, GremlinValues> BY_SOURCE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final boolean portable;

    private GremlinValues(boolean portable) {
        this.portable = portable;
    }

    /** The form for the server behind {@code g} (set at connect by {@link GremlinConnection}). */
    static void register(GraphTraversalSource g, GremlinValues values) {
        BY_SOURCE.put(g, values);
    }

    /** The form registered for {@code g}; {@link #NATIVE} for a source no connection registered (an in-process TinkerGraph). */
    static GremlinValues of(GraphTraversalSource g) {
        return BY_SOURCE.getOrDefault(g, NATIVE);
    }

    boolean portable() { return portable; }

    /** A value as this server stores it. */
    Object write(Object v) {
        return portable ? toGremlin(v) : nativeValue(v);
    }

    /** A stored value as riskgraph reads it. */
    Object read(Object v) {
        return portable ? fromGremlin(v) : v;
    }

    /** The values of a map read back, keys as they are. */
    <K> Map<K, Object> readMap(Map<K, ?> m) {
        return portable ? fromGremlinMap(m) : new LinkedHashMap<>(m);
    }

    private static Object nativeValue(Object v) {
        if (v instanceof BigDecimal d) return d.doubleValue();
        if (v instanceof Instant i) return i.atOffset(ZoneOffset.UTC);
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(nativeValue(o));
            return out;
        }
        return v;
    }
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {};
    private static final DateTimeFormatter DATE_TIME_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}");


    /** A value as stored on a Gremlin server. */
    static Object toGremlin(Object v) {
        if (v instanceof BigDecimal d) return d.doubleValue();
        // whole numbers as Long, as Neo4j keeps them: JanusGraph types a property key by its first value, everywhere
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof Float x) return x.doubleValue();
        if (v instanceof LocalDate d) return d.toString();
        if (v instanceof Instant i) return DATE_TIME_TEXT.format(i.atOffset(ZoneOffset.UTC));
        if (v instanceof OffsetDateTime t) return DATE_TIME_TEXT.format(t);
        if (v instanceof ZonedDateTime z) return DATE_TIME_TEXT.format(z.toOffsetDateTime());
        if (v instanceof LocalDateTime t) return LOCAL_DATE_TIME.format(t);
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(toGremlin(o));
            try {
                return JSON.writeValueAsString(out);
            } catch (Exception e) {
                throw new IllegalArgumentException("cannot store the list " + c + " on a Gremlin server: " + e.getMessage(), e);
            }
        }
        return v;
    }

    /** A stored value as riskgraph reads it: dates, date-times (with their offset) and lists back from their text. */
    static Object fromGremlin(Object v) {
        if (!(v instanceof String s) || s.length() < 2) return v;
        try {
            char first = s.charAt(0);
            if (first == '[' && s.charAt(s.length() - 1) == ']') return list(s);
            if (first < '0' || first > '9') return v;
            if (s.length() == 10 && DATE.matcher(s).matches()) return LocalDate.parse(s);
            if ((s.length() == 30 || s.length() == 35) && DATE_TIME.matcher(s).matches()) return OffsetDateTime.parse(s);
            if (s.length() == 29 && LOCAL_TIME.matcher(s).matches()) return LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return v; // shaped like a date but not one (2020-13-45): plain text
        }
        return v;
    }

    /** A JSON array of plain values (text, numbers, booleans), decoded; any other text stays text. */
    private static Object list(String s) {
        List<Object> parsed;
        try {
            parsed = JSON.readValue(s, LIST);
        } catch (Exception e) {
            return s;
        }
        List<Object> out = new ArrayList<>(parsed.size());
        for (Object o : parsed) {
            if (o != null && !(o instanceof String || o instanceof Number || o instanceof Boolean)) return s;
            out.add(fromGremlin(o));
        }
        return out;
    }

    /** The values of a map read back ({@link #fromGremlin}), keys as they are. */
    static <K> Map<K, Object> fromGremlinMap(Map<K, ?> m) {
        Map<K, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, fromGremlin(v)));
        return out;
    }
}
