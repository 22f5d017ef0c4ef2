package io.riskgraph.cli;

import io.riskgraph.store.GraphStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export results as files.",
        subcommands = {ExportCommand.Grades.class, ExportCommand.Clues.class})
final class ExportCommand {

    @Command(name = "grades", mixinStandardHelpOptions = true,
            description = "Write uscc,score,grade,model,reasons (reasons joined with ' | ') for every graded enterprise.")
    static final class Grades implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder");
            try (StoreOptions.OpenStore open = storeOptions.open()) {
                GraphStore store = open.store();
                TreeMap<Long, Object[]> rows = new TreeMap<>();
                List<String> props = List.of("uscc", "score", "grade", "grade_model", "reasons");
                for (int p = 0; p < props.size(); p++) {
                    int col = p;
                    store.streamNodeProperty("Enterprise", props.get(p), (ids, values, n) -> {
                        for (int i = 0; i < n; i++) rows.computeIfAbsent(ids[i], k -> new Object[props.size()])[col] = values[i];
                    }, 10_000);
                }
                long count = 0;
                Path tmp = out.resolveSibling(out.getFileName() + ".partial");
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                     CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                             .setHeader(GradeCommand.columns().toArray(String[]::new)).get())) {
                    for (Object[] r : rows.values()) {
                        if (r[0] == null || r[2] == null) continue; // not graded
                        Object reasons = r[4] instanceof List<?> l ? String.join(" | ", l.stream().map(String::valueOf).toList()) : r[4];
                        csv.printRecord(r[0], r[1], r[2], r[3], reasons);
                        count++;
                    }
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                if (count == 0) {
                    spec.commandLine().getErr().println("riskgraph: no enterprise is graded yet; run 'riskgraph grade' first");
                    return Main.USAGE;
                }
                spec.commandLine().getOut().printf("Wrote %,d graded enterprises to %s%n", count, out);
            }
            return Main.OK;
        }
    }

    @Command(name = "clues", mixinStandardHelpOptions = true,
            description = "Write every warning clue: id,rule,status,severity,uscc,segment,summary,evidence,as_of,created_at,last_change_by,last_change_at.")
    static final class Clues implements Callable<Integer> {
        static final List<String> COLUMNS = List.of("id", "rule", "status", "severity", "uscc", "segment", "summary",
                "evidence", "as_of", "created_at", "last_change_by", "last_change_at");

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder");
            long count = 0;
            try (StoreOptions.OpenStore open = storeOptions.open();
                 io.riskgraph.cypher.workflow.WorkflowRepositories workflow =
                         io.riskgraph.cypher.workflow.WorkflowRepositories.open(open.connection().driver())) {
                Path tmp = out.resolveSibling(out.getFileName() + ".partial");
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                     CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
                    for (io.riskgraph.workflow.Clue c : workflow.clues().list(io.riskgraph.workflow.ClueFilter.all())) {
                        var last = c.history().isEmpty() ? null : c.history().get(c.history().size() - 1);
                        String evidence = String.join(" | ", c.evidence().stream()
                                .map(e -> e.kind() + " " + e.ref() + (e.note().isEmpty() ? "" : " (" + e.note() + ")")).toList());
                        csv.printRecord(c.id(), c.rule(), c.status(), c.severity(), c.uscc(), c.segment(), c.summary(), evidence,
                                c.asOf(), c.createdAt(), last == null ? null : last.by(), last == null ? null : last.at());
                        count++;
                    }
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            spec.commandLine().getOut().printf("Wrote %,d clues to %s%n", count, out);
            return Main.OK;
        }
    }
}
