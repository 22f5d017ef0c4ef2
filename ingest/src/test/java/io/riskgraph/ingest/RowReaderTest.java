package io.riskgraph.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowReaderTest {
    @TempDir
    Path dir;

    List<RawRow> read(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        List<RawRow> rows = new ArrayList<>();
        try (RowReader r = RowReader.open(file)) {
            r.forEachRemaining(rows::add);
            assertThat(r.bytesRead()).isEqualTo(content.length);
        }
        return rows;
    }

    @Test
    void csvWithBomQuotesMultilineCellsAndLineNumbers() throws Exception {
        String csv = "\uFEFFuscc,name,address\n"
                + "A,\"Quoted, with comma\",x\n"
                + "B,\"Two\nlines\",\n"
                + "C,too,many,values\n"
                + "D,last,y\n";
        List<RawRow> rows = read("enterprises.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).cells()).containsEntry("uscc", "A").containsEntry("name", "Quoted, with comma");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).cells()).containsEntry("name", "Two\nlines").doesNotContainKey("address");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(2).malformed()).contains("4 values but the header has 3 columns");
        assertThat(rows.get(2).line()).isEqualTo(5);
        assertThat(rows.get(3).line()).isEqualTo(6);
    }

    @Test
    void aQuoteOpenAtTheEndIsOneMalformedRowNotACrash() throws Exception {
        // found by RowsFuzzTest: the parser's error surfaced in hasNext() and next() then threw NoSuchElementException
        String csv = "uscc,name\nA,fine\nB,\"never closed\r\nC,more\n";
        Path file = dir.resolve("enterprises.csv");
        Files.writeString(file, csv);
        List<RawRow> rows = new ArrayList<>();
        try (RowReader r = RowReader.open(file)) {
            while (r.hasNext()) rows.add(r.next());
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsEntry("uscc", "A");
        assertThat(rows.get(1).malformed()).startsWith("unreadable CSV from here on");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void jsonlArraysBecomeListsAndBadLinesAreReportedWithTheirNumber() throws Exception {
        String jsonl = "{\"uscc\":\"A\",\"segments\":[\"CATERING\",\"FOOD_SALES\"],\"employees\":12}\n"
                + "\n"
                + "{\"uscc\":\"B\",\n"
                + "[1,2]\n";
        List<RawRow> rows = read("enterprises.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).cells()).containsEntry("segments", "CATERING|FOOD_SALES").containsEntry("employees", "12");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).malformed()).startsWith("not valid JSON");
        assertThat(rows.get(2).malformed()).contains("one JSON object");
    }

    @Test
    void invalidUtf8LateInAFileIsReportedAsAnUnreadableRow() throws Exception {
        StringBuilder csv = new StringBuilder("uscc,name\n");
        for (int i = 0; i < 20_000; i++) csv.append("A").append(i).append(",name\n");
        byte[] head = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] content = java.util.Arrays.copyOf(head, head.length + 5);
        System.arraycopy(new byte[]{'B', ',', (byte) 0xff, 'x', '\n'}, 0, content, head.length, 5);
        Path file = dir.resolve("enterprises.csv");
        Files.write(file, content);
        List<RawRow> rows = new ArrayList<>();
        try (RowReader r = RowReader.open(file)) {
            r.forEachRemaining(rows::add);
        }
        assertThat(rows.getLast().malformed()).contains("unreadable CSV from here on");
        assertThat(rows.stream().filter(x -> x.malformed() == null).count()).isGreaterThan(15_000);
    }
}
