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
 * Append-only audit log ({@code audit.jsonl}, owner-only): one JSON line per API request, with who (key name and
 * role; {@code -}/{@code anonymous} without a key), what (method, route, path and query parameters), when, the HTTP
 * status and which entities came back (USCCs and person ids). The file is only ever opened for appending; each line
 * is written whole and is on disk before {@link #append} returns, so no response leaves before its audit line is
 * durable.
 *
 * <p>Tamper-evident: every line ends with {@code "prev"} (the previous line's hash; 64 zeros for the first) and
 * {@code "hash"}, the SHA-256 of the line as written up to and including {@code prev} and a closing brace. Changing,
 * removing, inserting or reordering a line breaks the chain at that line; {@link #verify} finds where. Whoever can
 * rewrite the whole file can rebuild the chain, so keep a copy of the last hash elsewhere from time to time and
 * check it is still in the chain ({@code riskgraph audit verify --expect HASH}). Lines written before the chain
 * existed are accepted as an unchained head, and the chain starts from the last of them.
 *
 * <p>Group commit: one writer thread takes every line queued since its last round, writes them, forces the file
 * once and then releases their requests. A request waits for at most the force under way plus its own round (no
 * fixed window), concurrent requests share one fsync, and waiting threads park instead of spinning on a lock.
 */
public final class AuditLog implements AutoCloseable {
    public static final String FILE = "audit.jsonl";

    public record Entry(Instant time, String key, String role, String method, String route, String path,
                        Map<String, Object> params, int status, Collection<String> entities) {}

    /** The {@code prev} of a log's first chained line. */
    public static final String GENESIS = "0".repeat(64);

    private final Path file;
    private final FileChannel channel;
    /** The link the next line chains to; only the writer thread touches it after the constructor. */
    private String last;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    /** A line waiting to be written, and its request waiting for it to be on disk. */
    private static final class Pending {
        final Map<String, Object> line;
        byte[] bytes;
        final CountDownLatch done = new CountDownLatch(1);
        volatile IOException failure;

        Pending(Map<String, Object> line) { this.line = line; }
    }

    private static final Pending STOP = new Pending(Map.of());

    public AuditLog(Path dir) {
        this.file = dir.resolve(FILE);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException | java.nio.file.FileAlreadyExistsException ignored) {
                    // not POSIX, or made meanwhile: opened below as it is
                }
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            last = lastLink(file);
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
        Pending p = new Pending(line);
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
            for (Pending p : round) {
                p.line.put("prev", last);
                String body = Json.write(p.line);
                last = sha256(body);
                p.bytes = (body.substring(0, body.length() - 1) + ",\"hash\":\"" + last + "\"}\n").getBytes(StandardCharsets.UTF_8);
            }
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

    /** The lines with from <= time < to (either may be null) exactly as written, each with its newline. */
    public String readRaw(Instant from, Instant to) {
        StringBuilder out = new StringBuilder();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String l : (Iterable<String>) lines::iterator) {
                if (l.isBlank()) continue;
                Instant t = Instant.parse(Json.MAPPER.readTree(l).get("time").asText());
                if ((from == null || !t.isBefore(from)) && (to == null || t.isBefore(to))) out.append(l).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    // ---- the hash chain ----------------------------------------------------------------------------------------

    private static final java.util.regex.Pattern HASH_TAIL = java.util.regex.Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");

    static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the line after {@code line} chains to: its hash, or for a line from before the chain, the SHA-256 of it. */
    static String link(String line) {
        java.util.regex.Matcher m = HASH_TAIL.matcher(line);
        return m.find() ? m.group(1) : sha256(line);
    }

    /** The link of the file's last line (read from its end), or {@link #GENESIS} for an empty file. */
    static String lastLink(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = ch.size();
            java.io.ByteArrayOutputStream tail = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            long pos = end;
            // skip the trailing newline(s), then read back to the newline before the last line
            while (pos > 0) {
                int n = (int) Math.min(chunk.length, pos);
                pos -= n;
                ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
                while (b.hasRemaining() && ch.read(b, pos + b.position()) >= 0) { }
                byte[] joined = new byte[n + tail.size()];
                System.arraycopy(chunk, 0, joined, 0, n);
                System.arraycopy(tail.toByteArray(), 0, joined, n, tail.size());
                tail.reset();
                tail.write(joined);
                String text = new String(joined, StandardCharsets.UTF_8).stripTrailing();
                int nl = text.lastIndexOf('\n');
                if (nl >= 0 || pos == 0) {
                    String lastLine = text.substring(nl + 1);
                    if (!lastLine.isBlank()) return link(lastLine);
                    if (pos == 0) return GENESIS;
                }
            }
            return GENESIS;
        }
    }

    /** What {@link #verify} found. {@code problems} empty means the chain is intact. */
    public record Verification(long lines, long unchainedHead, String startsAfter, String lastHash,
                               List<String> problems) {
        public boolean intact() { return problems.isEmpty(); }
    }

    /**
     * Checks a log (or an export of one): each chained line's hash over its own text, and that each follows the line
     * before it. {@code partial} accepts a first line that follows a line not in the file (an export from a time on);
     * {@code expect}, if not null, is a hash kept from before that must still be in the chain.
     */
    public static Verification verify(Path file, boolean partial, String expect) throws IOException {
        List<String> problems = new ArrayList<>();
        long n = 0, unchained = 0;
        String prevLink = null, startsAfter = null, lastHash = null;
        boolean chained = false, expectSeen = expect == null;
        try (java.io.BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.isBlank()) continue;
                n++;
                java.util.regex.Matcher m = HASH_TAIL.matcher(l);
                if (!m.find()) {
                    if (chained) problems.add("line " + n + ": no hash, after the chain began (inserted or edited)");
                    else unchained++;
                    prevLink = sha256(l);
                    continue;
                }
                chained = true;
                String hash = m.group(1);
                String body = l.substring(0, m.start()) + "}";
                String prev;
                try {
                    prev = Json.MAPPER.readTree(body).path("prev").asText("");
                } catch (IOException e) {
                    prev = "";
                }
                if (!sha256(body).equals(hash)) {
                    problems.add("line " + n + ": its text does not match its hash (the line was changed)");
                }
                if (prevLink == null) {
                    if (!prev.equals(GENESIS)) {
                        if (partial) startsAfter = prev;
                        else problems.add("line 1: follows " + prev + ", not the start of a log (lines removed from the head?)");
                    }
                } else if (!prev.equals(prevLink)) {
                    problems.add("line " + n + ": does not follow line " + (n - 1) + " (a line was removed, inserted or moved)");
                }
                prevLink = hash;
                lastHash = hash;
                if (hash.equals(expect)) expectSeen = true;
            }
        }
        if (!expectSeen) problems.add("the expected hash " + expect + " is not in the chain (the log was rewritten or cut)");
        return new Verification(n, unchained, startsAfter, lastHash, List.copyOf(problems));
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
