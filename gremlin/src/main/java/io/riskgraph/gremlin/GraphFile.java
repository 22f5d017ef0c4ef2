package io.riskgraph.gremlin;

import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The embedded TinkerGraph as a file: a header, then every vertex (id, label, properties) and every edge (id, label,
 * out id, in id, properties), gzip-compressed Java serialization of plain values only (a filter admits java.lang,
 * java.time and java.util types and nothing else when reading). TinkerPop's GraphSON writer has no java.time
 * support without extra modules and Gryo cannot write TinkerGraph 3.8's id counters; this keeps every value type the
 * platform writes (dates, date-times, lists) as it is.
 */
final class GraphFile {
    private static final String MAGIC = "riskgraph-tinkergraph-1";
    private static final ObjectInputFilter PLAIN_VALUES = info -> {
        Class<?> c = info.serialClass();
        if (c == null) return info.depth() > 64 ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
        if (c.isArray()) c = c.getComponentType();
        if (c.isPrimitive()) return ObjectInputFilter.Status.ALLOWED;
        String n = c.getName();
        return n.startsWith("java.lang.") || n.startsWith("java.time.") || n.startsWith("java.util.")
                || n.startsWith("java.math.") ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
    };

    private GraphFile() {}

    static void write(TinkerGraph graph, OutputStream target) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(new GZIPOutputStream(target), 1 << 16))) {
            out.writeUTF(MAGIC);
            Iterator<Vertex> vs = graph.vertices();
            while (vs.hasNext()) {
                Vertex v = vs.next();
                out.writeByte('V');
                out.writeObject(v.id());
                out.writeUTF(v.label());
                HashMap<String, Object> props = new HashMap<>();
                Iterator<VertexProperty<Object>> ps = v.properties();
                while (ps.hasNext()) {
                    VertexProperty<Object> p = ps.next();
                    props.put(p.key(), p.value());
                }
                out.writeObject(props);
                out.reset();
            }
            Iterator<Edge> es = graph.edges();
            while (es.hasNext()) {
                Edge e = es.next();
                out.writeByte('E');
                out.writeObject(e.id());
                out.writeUTF(e.label());
                out.writeObject(e.outVertex().id());
                out.writeObject(e.inVertex().id());
                HashMap<String, Object> props = new HashMap<>();
                Iterator<Property<Object>> ps = e.properties();
                while (ps.hasNext()) {
                    Property<Object> p = ps.next();
                    props.put(p.key(), p.value());
                }
                out.writeObject(props);
                out.reset();
            }
            out.writeByte('.');
        }
    }

    static void read(InputStream source, TinkerGraph graph) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(new GZIPInputStream(source), 1 << 16))) {
            in.setObjectInputFilter(PLAIN_VALUES);
            if (!MAGIC.equals(in.readUTF())) throw new IOException("not a riskgraph TinkerGraph file");
            while (true) {
                int kind = in.readByte();
                if (kind == '.') return;
                Object id = in.readObject();
                String label = in.readUTF();
                if (kind == 'V') {
                    Vertex v = graph.addVertex(T.id, id, T.label, label);
                    for (Map.Entry<String, Object> p : props(in.readObject()).entrySet()) v.property(p.getKey(), p.getValue());
                } else if (kind == 'E') {
                    Object out = in.readObject();
                    Object inId = in.readObject();
                    Vertex a = graph.vertices(out).next();
                    Vertex b = graph.vertices(inId).next();
                    List<Object> kv = new ArrayList<>(List.of(T.id, id));
                    for (Map.Entry<String, Object> p : props(in.readObject()).entrySet()) {
                        kv.add(p.getKey());
                        kv.add(p.getValue());
                    }
                    a.addEdge(label, b, kv.toArray());
                } else {
                    throw new IOException("corrupt TinkerGraph file (record kind " + kind + ")");
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IOException("corrupt TinkerGraph file: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Object o) throws IOException {
        if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new IOException("corrupt TinkerGraph file (properties are " + o + ")");
    }
}
