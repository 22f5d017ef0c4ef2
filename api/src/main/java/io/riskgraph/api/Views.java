package io.riskgraph.api;

import io.riskgraph.store.GraphNode;
import io.riskgraph.store.GraphRelationship;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Nodes and relationships as JSON maps, with persons masked for roles below investigator: the name becomes its
 * first character and '*' (张伟 -> 张*), the person id a pseudonym stable for the server's lifetime, and phone,
 * address and every id_number_* property are left out.
 */
public final class Views {
    static final Map<String, String> KEYS = Map.ofEntries(Map.entry("Enterprise", "uscc"),
            Map.entry("Person", "person_id"), Map.entry("Inspector", "inspector_id"), Map.entry("Segment", "code"),
            Map.entry("Address", "address"), Map.entry("Phone", "number"));
    static final Set<String> PERSON_LABELS = Set.of("Person", "Inspector");
    private static final byte[] SALT = new byte[16];

    static {
        new SecureRandom().nextBytes(SALT);
    }

    private Views() {}

    public static String label(GraphNode n) { return label(n.labels()); }

    /** The label that names a node's kind: the first with a known key property, else the first. */
    public static String label(List<String> labels) {
        for (String l : labels) if (KEYS.containsKey(l)) return l;
        return labels.isEmpty() ? "" : labels.getFirst();
    }

    public static String keyProperty(String label) { return KEYS.getOrDefault(label, "id"); }

    public static Object key(GraphNode n) { return n.property(keyProperty(label(n))); }

    /** A compact reference: label, key, name. */
    public static Map<String, Object> ref(GraphNode n, boolean fullPersons) {
        String label = label(n);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        if (PERSON_LABELS.contains(label) && !fullPersons) {
            m.put("key", pseudonym(String.valueOf(key(n))));
            m.put("name", maskName(n.property("name")));
            m.put("masked", true);
        } else {
            m.put("key", key(n));
            Object name = n.property("name");
            if (name == null) name = n.property("name_zh");
            if (name != null) m.put("name", name);
        }
        return m;
    }

    /** All properties (sorted), persons masked unless fullPersons. */
    public static Map<String, Object> full(GraphNode n, boolean fullPersons) {
        String label = label(n);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        if (PERSON_LABELS.contains(label) && !fullPersons) {
            m.putAll(ref(n, false));
            return m;
        }
        m.put("key", key(n));
        m.putAll(new TreeMap<>(n.properties()));
        return m;
    }

    public static Map<String, Object> relationship(GraphRelationship r, Map<String, Object> fromRef, Map<String, Object> toRef) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type());
        m.put("from", fromRef.get("key"));
        m.put("to", toRef.get("key"));
        if (!r.properties().isEmpty()) m.put("properties", new TreeMap<>(r.properties()));
        return m;
    }

    /** Masks person nodes found in plain Cypher results (maps with a _labels list holding Person or Inspector). */
    @SuppressWarnings("unchecked")
    public static Object maskPlain(Object o) {
        if (o instanceof Map<?, ?> m) {
            Object labels = m.get("_labels");
            if (labels instanceof List<?> ls && ls.stream().anyMatch(PERSON_LABELS::contains)) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("_labels", labels);
                Object id = m.containsKey("person_id") ? m.get("person_id") : m.get("inspector_id");
                out.put("key", pseudonym(String.valueOf(id)));
                out.put("name", maskName(m.get("name")));
                out.put("masked", true);
                return out;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, maskPlain(v)));
            return out;
        }
        if (o instanceof List<?> l) return l.stream().map(Views::maskPlain).toList();
        return o;
    }

    public static String maskName(Object name) {
        if (name == null) return null;
        String s = name.toString();
        if (s.isEmpty()) return s;
        return s.substring(0, s.offsetByCodePoints(0, 1)) + "*";
    }

    public static String pseudonym(String id) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(SALT);
            return "anon-" + HexFormat.of().formatHex(d.digest(id.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
