package io.riskgraph.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.riskgraph.query.NamedQuery;
import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.ReadOnlyQueries;
import io.riskgraph.query.QueryResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one read-only Cypher statement.",
                "Values go in as parameters: riskgraph query 'MATCH (e:Enterprise {uscc: $u}) RETURN e.name' --param u=9131...",
                "Writes, administration and SHOW/TERMINATE commands, USE, LOAD CSV, CALL { } IN TRANSACTIONS and",
                "procedure calls (other than db.labels and friends) are refused."})
class QueryCommand implements Callable<Integer> {
    enum Format { table, csv, json }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "STATEMENT", arity = "0..1",
            description = "The Cypher statement; '-' or omitted with --file reads it from a file or standard input.")
    String statement;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the statement from FILE.")
    Path file;

    @Option(names = {"-n", "--named"}, paramLabel = "NAME",
            description = "Run a query of the catalogue instead (riskgraph queries lists them).")
    String named;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A parameter; VALUE is a number, true/false, null, a JSON list or object, or else text.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--limit", defaultValue = "" + ReadOnlyQueries.MAX_ROWS_DEFAULT,
            description = "At most this many rows (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--timeout", defaultValue = "" + ReadOnlyQueries.TIMEOUT_SECONDS_DEFAULT, paramLabel = "SECONDS",
            description = "Stop the statement after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Trailing tokens fail, so that 2024-07-01 is text rather than the number 2024. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The language this command runs (Cypher here, Gremlin in {@link GremlinCommand}). */
    ReadOnlyQueries runner(io.riskgraph.backend.Backend backend) { return backend.cypher(); }

    io.riskgraph.query.NamedQueries catalogue(io.riskgraph.backend.Backend backend) { return backend.cypherCatalogue(); }

    @Override
    public Integer call() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, parseValue(v)));
        String text = named != null ? null : statementText();
        QueryLimits limits = new QueryLimits(Duration.ofSeconds(timeoutSeconds), limit);
        PrintWriter out = spec.commandLine().getOut();
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            if (named != null) {
                NamedQuery q = catalogue(open.backend()).get(named);
                q.checkParams(values.keySet());
                text = q.statement();
            }
            QueryResult result = runner(open.backend()).run(text, values, limits);
            switch (format) {
                case table -> printTable(out, result);
                case csv -> printCsv(out, result);
                case json -> printJson(out, result);
            }
            out.flush();
            if (result.truncated()) {
                spec.commandLine().getErr().println("riskgraph: output cut at " + limit + " rows; raise --limit for more");
            }
        }
        return Main.OK;
    }

    private String statementText() throws IOException {
        if (file != null) return Files.readString(file, StandardCharsets.UTF_8);
        if (statement == null) throw new IllegalArgumentException("give a statement, or --file FILE");
        if (statement.equals("-")) return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        return statement;
    }

    static Object parseValue(String v) {
        try {
            Object parsed = JSON.readValue(v, Object.class);
            if (parsed instanceof Integer i) return i.longValue();
            return parsed;
        } catch (IOException e) {
            return v; // plain text, e.g. a USCC
        }
    }

    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            try {
                return JSON.writeValueAsString(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return v.toString();
    }

    private static void printTable(PrintWriter out, QueryResult r) {
        final int maxWidth = 60;
        List<String> cols = r.columns();
        int[] w = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) w[i] = displayWidth(cols.get(i));
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                String c = cell(row.get(i)).replace('\n', ' ');
                if (c.length() > maxWidth) c = c.substring(0, maxWidth - 1) + "…";
                line.add(c);
                w[i] = Math.max(w[i], displayWidth(c));
            }
            cells.add(line);
        }
        out.println(pad(cols, w));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) rule.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        out.println(rule);
        for (List<String> line : cells) out.println(pad(line, w));
        out.printf("(%d row%s, %d ms)%n", r.rows().size(), r.rows().size() == 1 ? "" : "s", r.elapsed().toMillis());
    }

    /** CJK characters take two columns on a terminal. */
    static int displayWidth(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF)
                    || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static String pad(List<String> values, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(" | ");
            sb.append(values.get(i)).append(" ".repeat(w[i] - displayWidth(values.get(i))));
        }
        return sb.toString().stripTrailing();
    }

    private static void printCsv(PrintWriter out, QueryResult r) throws IOException {
        CSVPrinter csv = CSVFormat.RFC4180.print(out);
        csv.printRecord(r.columns());
        for (List<Object> row : r.rows()) csv.printRecord(row.stream().map(QueryCommand::cell).toList());
        csv.flush();
    }

    private static void printJson(PrintWriter out, QueryResult r) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> row : r.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < r.columns().size(); i++) m.put(r.columns().get(i), row.get(i));
            rows.add(m);
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    }
}
