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
import java.util.stream.Stream;

/**
 * Append-only audit log ({@code audit.jsonl}): one JSON line per request that read entity data, with who (key name
 * and role), what (method, route, path and query parameters), when, the HTTP status and which entities came back
 * (USCCs and person ids). The file is only ever opened for appending; each line is written whole and is on disk
 * before {@link #append} returns. Forcing is shared (group commit): requests that arrive while a force is under way
 * wait for the next one, which covers all of them, so concurrent requests do not each pay for their own fsync.
 */
public final class AuditLog implements AutoCloseable {
    public static final String FILE = "audit.jsonl";

    public record Entry(Instant time, String key, String role, String method, String route, String path,
                        Map<String, Object> params, int status, Collection<String> entities) {}

    private final Path file;
    private final FileChannel channel;
    private final Object forcing = new Object();
    /** Bytes appended so far (guarded by this). */
    private long written;
    /** Bytes known to be on disk. */
    private volatile long forced;

    public AuditLog(Path dir) {
        this.file = dir.resolve(FILE);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

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
        byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        long end;
        try {
            synchronized (this) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) channel.write(b);
                written += bytes.length;
                end = written;
            }
            awaitOnDisk(end);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to the audit log " + file + ": " + ex.getMessage(), ex);
        }
    }

    private void awaitOnDisk(long end) throws IOException {
        if (forced >= end) return;
        synchronized (forcing) {
            if (forced >= end) return; // a force that started after our write covered it
            long target;
            synchronized (this) {
                target = written;
            }
            channel.force(false);
            forced = target;
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

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing on shutdown
        }
    }
}
