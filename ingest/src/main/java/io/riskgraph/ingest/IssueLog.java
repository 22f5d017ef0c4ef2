package io.riskgraph.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The rejects file: one CSV row per rejected row or warning, with file, line, field and reason. */
public final class IssueLog implements AutoCloseable {
    public static final String[] HEADER = {"file", "line", "field", "severity", "reason"};
    private final CSVPrinter printer;
    private final Path path;

    public IssueLog(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get()
                    .print(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IngestInputException("cannot write the rejects file " + path + ": " + e.getMessage());
        }
    }

    public Path path() { return path; }

    public void add(Issue issue) {
        try {
            printer.printRecord(issue.file(), issue.line(), issue.field(), issue.severity(), issue.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
