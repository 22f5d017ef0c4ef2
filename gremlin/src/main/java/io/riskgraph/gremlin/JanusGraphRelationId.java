package io.riskgraph.gremlin;

import org.apache.tinkerpop.gremlin.structure.io.Buffer;
import org.apache.tinkerpop.gremlin.structure.io.binary.DataType;
import org.apache.tinkerpop.gremlin.structure.io.binary.GraphBinaryReader;
import org.apache.tinkerpop.gremlin.structure.io.binary.GraphBinaryWriter;
import org.apache.tinkerpop.gremlin.structure.io.binary.types.CustomTypeSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JanusGraph's edge id ({@code org.janusgraph.graphdb.relations.RelationIdentifier}) as the driver receives it. A
 * JanusGraph server sends edge ids in GraphBinary as the custom type {@value Serializer#NAME}; without a serializer
 * for it the 3.8 driver fails on any result holding an edge or its id ("Serializer for custom type
 * 'janusgraph.RelationIdentifier' not found"), and JanusGraph's own serializer (janusgraph-driver) is built on
 * TinkerPop 3.7. This one reads and writes the same bytes, so edges come back and an id read can be sent back
 * ({@code g.E(id)}). {@link #toString()} is JanusGraph's text form: relation, out-vertex, type and in-vertex ids in
 * base 36, joined by '-' (a string vertex id prefixed by 'S').
 */
public record JanusGraphRelationId(Object outVertexId, long typeId, long relationId, Object inVertexId) {
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

    @Override
    public String toString() {
        String s = base36(relationId) + '-' + vertex(outVertexId) + '-' + base36(typeId);
        return inVertexId == null ? s : s + '-' + vertex(inVertexId);
    }

    private static String vertex(Object id) {
        return id instanceof Number n ? base36(n.longValue()) : "S" + id;
    }

    static String base36(long v) {
        if (v < 0) throw new IllegalArgumentException("negative JanusGraph id " + v);
        if (v == 0) return "0";
        StringBuilder s = new StringBuilder();
        while (v > 0) {
            s.append(DIGITS.charAt((int) (v % 36)));
            v /= 36;
        }
        return s.reverse().toString();
    }

    /** The GraphBinary custom type JanusGraph 1.x registers as "janusgraph.RelationIdentifier" (type id 0x1001). */
    public static final class Serializer implements CustomTypeSerializer<JanusGraphRelationId> {
        public static final String NAME = "janusgraph.RelationIdentifier";
        static final int TYPE_ID = 0x1001;
        private static final byte LONG = 0;
        private static final byte STRING = 1;

        @Override
        public String getTypeName() { return NAME; }

        @Override
        public DataType getDataType() { return DataType.CUSTOM; }

        @Override
        public JanusGraphRelationId read(Buffer buffer, GraphBinaryReader context) throws IOException {
            int type = buffer.readInt();
            if (type != TYPE_ID) throw new IOException(NAME + " with type info " + type + ", expected " + TYPE_ID);
            return readValue(buffer, context, true);
        }

        @Override
        public JanusGraphRelationId readValue(Buffer buffer, GraphBinaryReader context, boolean nullable) throws IOException {
            if (nullable && (buffer.readByte() & 1) == 1) return null;
            Object out = buffer.readByte() == STRING ? readText(buffer) : (Object) buffer.readLong();
            long typeId = buffer.readLong();
            long relationId = buffer.readLong();
            Object in;
            if (buffer.readByte() == STRING) {
                in = readText(buffer);
            } else {
                long l = buffer.readLong();
                in = l == 0 ? null : l;
            }
            return new JanusGraphRelationId(out, typeId, relationId, in);
        }

        @Override
        public void write(JanusGraphRelationId value, Buffer buffer, GraphBinaryWriter context) throws IOException {
            buffer.writeInt(TYPE_ID);
            writeValue(value, buffer, context, true);
        }

        @Override
        public void writeValue(JanusGraphRelationId value, Buffer buffer, GraphBinaryWriter context, boolean nullable)
                throws IOException {
            if (value == null) {
                if (!nullable) throw new IOException("a null " + NAME + " where none may be");
                context.writeValueFlagNull(buffer);
                return;
            }
            if (nullable) context.writeValueFlagNone(buffer);
            writeVertex(buffer, value.outVertexId());
            buffer.writeLong(value.typeId());
            buffer.writeLong(value.relationId());
            if (value.inVertexId() == null) {
                buffer.writeByte(LONG);
                buffer.writeLong(0);
            } else {
                writeVertex(buffer, value.inVertexId());
            }
        }

        private static void writeVertex(Buffer buffer, Object id) throws IOException {
            if (id instanceof Number n) {
                buffer.writeByte(LONG);
                buffer.writeLong(n.longValue());
            } else {
                buffer.writeByte(STRING);
                writeText(buffer, String.valueOf(id));
            }
        }

        /** ASCII, the last byte's high bit set (JanusGraph's string vertex ids are ASCII). */
        private static String readText(Buffer buffer) {
            StringBuilder s = new StringBuilder();
            while (true) {
                int b = buffer.readByte() & 0xff;
                s.append((char) (b & 0x7f));
                if ((b & 0x80) != 0) return s.toString();
            }
        }

        private static void writeText(Buffer buffer, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            if (bytes.length == 0 || !text.chars().allMatch(c -> c < 128)) {
                throw new IOException("a JanusGraph string vertex id must be non-empty ASCII: '" + text + "'");
            }
            bytes[bytes.length - 1] = (byte) (bytes[bytes.length - 1] | 0x80);
            buffer.writeBytes(bytes);
        }
    }
}
