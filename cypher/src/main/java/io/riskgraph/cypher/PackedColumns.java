package io.riskgraph.cypher;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The wire format of {@link ProjectionProcedures}: a column of numbers as one little-endian {@code byte[]}, so Bolt
 * carries a window as a few large byte values instead of millions of list elements (each of which costs an object
 * on both sides). The server writes with {@link Writer}; the client reads with the static decoders.
 */
final class PackedColumns {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Largest array the JVM hands out reliably; a window that would pack more fails instead of overflowing. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 16;

    private PackedColumns() {}

    /** A growable column of fixed-width values. */
    static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int initialBytes) {
            bytes = new byte[Math.max(16, initialBytes)];
        }

        void putLong(long v) {
            ensure(Long.BYTES);
            LONGS.set(bytes, size, v);
            size += Long.BYTES;
        }

        void putInt(int v) {
            ensure(Integer.BYTES);
            INTS.set(bytes, size, v);
            size += Integer.BYTES;
        }

        /** Doubles travel as their raw bits, so NaN (an absent weight) arrives as NaN. */
        void putDouble(double v) {
            putLong(Double.doubleToRawLongBits(v));
        }

        byte[] toBytes() {
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more <= bytes.length) return;
            if ((long) size + more > MAX_BYTES) {
                throw new IllegalArgumentException("the id window packs to more than 2 GB; ask for a smaller window");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, Math.max((long) bytes.length * 2, size + more)));
        }
    }

    static byte[] pack(long[] values) {
        byte[] out = new byte[values.length * Long.BYTES];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(values);
        return out;
    }

    static byte[] pack(double[] values) {
        byte[] out = new byte[values.length * Double.BYTES];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().put(values);
        return out;
    }

    static long[] longs(byte[] packed) {
        long[] out = new long[packed.length / Long.BYTES];
        ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    static int[] ints(byte[] packed) {
        int[] out = new int[packed.length / Integer.BYTES];
        ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    static double[] doubles(byte[] packed) {
        double[] out = new double[packed.length / Double.BYTES];
        ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }
}
