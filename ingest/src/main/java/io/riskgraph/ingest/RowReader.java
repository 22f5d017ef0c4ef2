package io.riskgraph.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Streams the rows of one CSV or JSONL file: one row in memory at a time, whatever the file's size. Knows how
 * many bytes it has consumed, for progress.
 */
public abstract class RowReader implements Iterator<RawRow>, java.io.Closeable {
    private final CountingStream counter;

    RowReader(CountingStream counter) {
        this.counter = counter;
    }

    public static RowReader open(Path file) throws IOException {
        CountingStream in = new CountingStream(Files.newInputStream(file));
        Reader reader = new BufferedReader(new InputStreamReader(skipBom(in), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) return new Jsonl(in, reader);
        if (name.endsWith(".csv")) return new Csv(in, reader);
        throw new IllegalArgumentException("not a .csv or .jsonl file: " + file);
    }

    /** Column names from the header, or null where the format has none (JSONL). */
    public abstract List<String> header();

    public long bytesRead() { return counter.count; }

    private static InputStream skipBom(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 3);
        byte[] head = new byte[3];
        int n = p.readNBytes(head, 0, 3);
        boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom && n > 0) p.unread(head, 0, n);
        return p;
    }

    static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) { super(in); }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }

    private static final class Csv extends RowReader {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;
        private long nextLine;
        private boolean broken;

        Csv(CountingStream counter, Reader reader) throws IOException {
            super(counter);
            this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get().parse(reader);
            this.header = parser.getHeaderNames().stream().map(String::strip).toList();
            this.records = parser.iterator();
            this.nextLine = 2;
        }

        @Override
        public List<String> header() { return header; }

        /** What hasNext() ran into: next() reports it as a malformed row (the parser's iterator is spent then). */
        private RuntimeException pendingError;

        @Override
        public boolean hasNext() {
            if (broken) return false;
            if (pendingError != null) return true;
            try {
                return records.hasNext();
            } catch (UncheckedIOException | IllegalStateException e) {
                pendingError = e;
                return true;
            }
        }

        @Override
        public RawRow next() {
            if (broken) throw new NoSuchElementException();
            long line = nextLine;
            CSVRecord record;
            try {
                if (pendingError != null) throw pendingError;
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException | NoSuchElementException e) {
                broken = true;
                return RawRow.malformed(line, "unreadable CSV from here on (" + rootMessage(e)
                        + "); the rest of the file was not read");
            }
            nextLine = parser.getCurrentLineNumber() + 1;
            if (record.size() != header.size()) {
                return RawRow.malformed(line, "row has " + record.size() + " values but the header has "
                        + header.size() + " columns");
            }
            Map<String, String> cells = new HashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                String v = record.get(i);
                if (v != null && !v.isBlank()) cells.put(header.get(i), v.strip());
            }
            return RawRow.of(line, cells);
        }

        @Override
        public void close() throws IOException { parser.close(); }
    }

    private static final class Jsonl extends RowReader {
        private static final ObjectMapper JSON = new ObjectMapper().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        private final BufferedReader reader;
        private String pending;
        private long line;
        private long pendingLine;
        private boolean broken;

        Jsonl(CountingStream counter, Reader reader) {
            super(counter);
            this.reader = (BufferedReader) reader;
        }

        @Override
        public List<String> header() { return null; }

        @Override
        public boolean hasNext() {
            if (pending != null) return true;
            if (broken) return false;
            try {
                String l;
                while ((l = reader.readLine()) != null) {
                    line++;
                    if (!l.isBlank()) {
                        pending = l;
                        pendingLine = line;
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                broken = true;
                pending = "\u0000" + rootMessage(e);
                pendingLine = line + 1;
                return true;
            }
        }

        @Override
        public RawRow next() {
            if (!hasNext()) throw new NoSuchElementException();
            String text = pending;
            pending = null;
            if (text.startsWith("\u0000")) {
                return RawRow.malformed(pendingLine, "unreadable from here on (" + text.substring(1)
                        + "); the rest of the file was not read");
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                return RawRow.malformed(pendingLine, "not valid JSON: " + firstLine(e.getMessage()));
            }
            if (node == null || !node.isObject()) {
                return RawRow.malformed(pendingLine, "each line must be one JSON object");
            }
            Map<String, String> cells = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String v = cellText(e.getValue());
                if (v != null && !v.isBlank()) cells.put(e.getKey().strip(), v.strip());
            }
            return RawRow.of(pendingLine, cells);
        }

        /** Arrays become the contract's '|' lists; nested objects are kept as JSON text. */
        private static String cellText(JsonNode v) {
            if (v == null || v.isNull()) return null;
            if (v.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode item : v) {
                    if (!sb.isEmpty()) sb.append('|');
                    sb.append(item.isValueNode() ? item.asText() : item.toString());
                }
                return sb.toString();
            }
            return v.isValueNode() ? v.asText() : v.toString();
        }

        @Override
        public void close() throws IOException { reader.close(); }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return firstLine(String.valueOf(t.getMessage()));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
