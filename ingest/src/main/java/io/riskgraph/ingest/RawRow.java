package io.riskgraph.ingest;

import java.util.Map;

/**
 * One row as read from a file, before validation: the line it starts on and its cells by column name (absent or
 * empty cells are not in the map). {@code malformed} holds why the line could not be read as a row at all.
 */
public record RawRow(long line, Map<String, String> cells, String malformed) {
    public static RawRow of(long line, Map<String, String> cells) { return new RawRow(line, cells, null); }

    public static RawRow malformed(long line, String why) { return new RawRow(line, Map.of(), why); }
}
