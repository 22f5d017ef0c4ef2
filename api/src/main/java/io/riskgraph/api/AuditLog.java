package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;

/**
 * Append-only audit log ({@code audit.jsonl}): one JSON line per request that read entity data, with who (key name
 * and role), what (method, route, path and query parameters), when, the HTTP status and which entities came back
 * (USCCs and person ids). The file is only ever opened for appending; each line is written whole and is on disk
 * before {@link #append} returns, so no response leaves before its audit line is durable.
 *
 * <p>Group commit: one writer thread takes every line queued since its last round, writes them, forces the file
 * once and then releases their requests. A request waits for at most the force under way plus its own round (no
 * fixed window), concurrent requests share one fsync, and waiting threads park instead of spinning on a lock.
 */
public final class AuditLog implements AutoCloseable {
    public static final String FILE = "audit.jsonl";

    public record Entry(Instant time, String key, String role, String method, String route, String path,
                        Map<String, Object> params, int status, Collection<String> entities) {}

    private final Path file;
    private final FileChannel channel;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /** A line waiting to be written, and its request waiting for it to be on disk. */
    private static final class Pending {
        final byte[] bytes;
        final CountDownLatch done = new CountDownLatch(1);
        volatile IOException failure;

        Pending(byte[] bytes) { this.bytes = bytes; }
    }

    private static final Pending STOP = new Pending(new byte[0]);

    public AuditLog(Path dir) {
        this.file = dir.resolve(FILE);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
        writer = new Thread(this::writeRounds, "riskgraph-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public Path file() { return file; }

    /** Appends the entry and returns once it is on disk. */
    public void append(Entry e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", e.time().toString());
        line.put("key", e.key());
        line.put("role", e.role());
        line.put("method", e.method());
        line.put("route", e.route());
        line.put("path", e.path());
        line.put("params", e.params());
        line.put("status", e.status());
        line.put("entities", e.entities());
        Pending p = new Pending((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
        if (closed) throw new IllegalStateException("the audit log " + file + " is closed");
        queue.add(p);
        boolean interrupted = false;
        while (true) {
            try {
                p.done.await();
                break;
            } catch (InterruptedException ie) {
                interrupted = true; // the line is queued: wait for it to be durable all the same
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (p.failure != null) {
            throw new UncheckedIOException("cannot append to the audit log " + file + ": " + p.failure.getMessage(), p.failure);
        }
    }

    private void writeRounds() {
        List<Pending> round = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                round.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, by queueing STOP
            }
            queue.drainTo(round);
            stop = round.remove(STOP);
            IOException failure = null;
            try {
                ByteBuffer[] buffers = new ByteBuffer[round.size()];
                for (int i = 0; i < buffers.length; i++) buffers[i] = ByteBuffer.wrap(round.get(i).bytes);
                long remaining = 0;
                for (ByteBuffer b : buffers) remaining += b.remaining();
                while (remaining > 0) remaining -= channel.write(buffers);
                if (!round.isEmpty()) channel.force(false);
            } catch (IOException ex) {
                failure = ex;
            }
            for (Pending p : round) {
                p.failure = failure;
                p.done.countDown();
            }
            round.clear();
        }
    }

    /** The entries with from <= time < to (either may be null), in the order they were written. */
    public List<JsonNode> read(Instant from, Instant to) {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String l : (Iterable<String>) lines::iterator) {
                if (l.isBlank()) continue;
                JsonNode n = Json.MAPPER.readTree(l);
                Instant t = Instant.parse(n.get("time").asText());
                if ((from == null || !t.isBefore(from)) && (to == null || t.isBefore(to))) out.add(n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** CSV of entries: time,key,role,method,route,path,params,status,entities (params as JSON, entities |-joined). */
    public static String csv(List<JsonNode> entries) {
        StringBuilder sb = new StringBuilder("time,key,role,method,route,path,params,status,entities\n");
        for (JsonNode n : entries) {
            List<String> ents = new ArrayList<>();
            n.get("entities").forEach(x -> ents.add(x.asText()));
            sb.append(String.join(",", cell(n.get("time").asText()), cell(n.get("key").asText()),
                    cell(n.get("role").asText()), cell(n.get("method").asText()), cell(n.get("route").asText()),
                    cell(n.get("path").asText()), cell(n.get("params").toString()),
                    n.get("status").asText(), cell(String.join("|", ents)))).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }

    /** Writes what is queued, stops the writer and closes the file. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        queue.add(STOP);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a line queued while closing, after the writer's last round: refused, so that its request does not hang
        for (Pending p; (p = queue.poll()) != null; ) {
            p.failure = new IOException("the audit log is closed");
            p.done.countDown();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing on shutdown
        }
    }
}
