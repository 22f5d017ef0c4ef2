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
        subcommands = {ExportCommand.Grades.class, ExportCommand.Results.class})
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

    @Command(name = "results", mixinStandardHelpOptions = true,
            description = {"Write the public inspection results of a period (\"one public\"): " + Results.HEADER_TEXT + ",",
                    "one row per task whose result came back; no inspector or person data."})
    static final class Results implements Callable<Integer> {
        static final String[] HEADER = {"period", "uscc", "enterprise", "date", "result", "issues"};
        static final String HEADER_TEXT = "period,uscc,enterprise,date,result,issues";

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "2026-Q1, 2026-03 or 2026-H1.")
        String period;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write.")
        Path out;

        @Override
        public Integer call() throws IOException {
            String p = io.riskgraph.algorithms.planning.Period.parse(period).text();
            if (Files.isDirectory(out)) throw new IllegalArgumentException("--out " + out + " is a folder");
            try (StoreOptions.OpenStore open = storeOptions.open();
                 io.riskgraph.cypher.workflow.WorkflowRepositories w =
                         io.riskgraph.cypher.workflow.WorkflowRepositories.open(open.connection().driver())) {
                List<io.riskgraph.workflow.InspectionTask> closed = new java.util.ArrayList<>();
                for (var plan : w.inspectionPlans().plans(p)) {
                    for (var t : w.inspectionPlans().tasks(plan.planId())) {
                        if (t.status() == io.riskgraph.workflow.InspectionTask.Status.CLOSED) closed.add(t);
                    }
                }
                closed.sort(java.util.Comparator.comparing(io.riskgraph.workflow.InspectionTask::resultDate)
                        .thenComparing(io.riskgraph.workflow.InspectionTask::uscc));
                java.util.Map<String, String> names = new java.util.HashMap<>();
                for (Object[] r : open.store().nodeProperties("Enterprise", List.of("uscc", "name")).values()) {
                    if (r[0] != null && r[1] != null) names.put((String) r[0], String.valueOf(r[1]));
                }
                Path tmp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".partial");
                try (Writer wr = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                     CSVPrinter csv = new CSVPrinter(wr, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
                    for (var t : closed) {
                        csv.printRecord(p, t.uscc(), names.getOrDefault(t.uscc(), ""), t.resultDate(), t.result(), t.issues());
                    }
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                spec.commandLine().getOut().printf("Wrote %,d inspection results of %s to %s%n", closed.size(), p, out);
            }
            return Main.OK;
        }
    }
}
