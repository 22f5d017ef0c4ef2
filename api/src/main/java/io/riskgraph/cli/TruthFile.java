package io.riskgraph.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Known outcomes for a back-test: the generator's truth.csv or a user's uscc,label file. */
public final class TruthFile {
    private TruthFile() {}

    /** uscc -> label, from the generator's truth.csv or a user's uscc,label file. */
    public static Map<String, Boolean> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("--truth " + file + " is not a file");
        Map<String, Boolean> out = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(r)) {
            String col = p.getHeaderMap().containsKey("violation_next_half_year") ? "violation_next_half_year"
                    : p.getHeaderMap().containsKey("label") ? "label" : null;
            if (!p.getHeaderMap().containsKey("uscc") || col == null) {
                throw new IllegalArgumentException(file + ": the header needs uscc and violation_next_half_year (or label), got "
                        + p.getHeaderNames());
            }
            for (CSVRecord rec : p) {
                String v = rec.get(col).toLowerCase(Locale.ROOT);
                Boolean b = switch (v) {
                    case "true", "1", "yes" -> true;
                    case "false", "0", "no" -> false;
                    default -> throw new IllegalArgumentException(file + ":" + (rec.getRecordNumber() + 1) + ": " + col
                            + " must be true/false or 1/0, got '" + rec.get(col) + "'");
                };
                out.put(rec.get("uscc"), b);
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException(file + " has no labelled rows");
        return out;
    }
}
