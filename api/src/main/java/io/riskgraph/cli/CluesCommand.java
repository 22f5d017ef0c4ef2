package io.riskgraph.cli;

import io.riskgraph.risk.warning.WarningRule;
import io.riskgraph.workflow.WorkflowStores;
import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.ClueFilter;
import io.riskgraph.workflow.ClueStatus;
import io.riskgraph.workflow.ClueWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "clues", mixinStandardHelpOptions = true,
        description = "The warning clues and their follow-up (NEW -> ASSIGNED -> VERIFIED | DISMISSED -> CLOSED).",
        subcommands = {CluesCommand.ListClues.class, CluesCommand.Show.class, CluesCommand.SetStatus.class})
final class CluesCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List clues, highest severity first: id, rule, status, severity, uscc, summary.")
    static final class ListClues implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;
        @Option(names = "--status", paramLabel = "STATUS", description = "NEW, ASSIGNED, VERIFIED, DISMISSED or CLOSED.")
        String status;
        @Option(names = "--rule", paramLabel = "CODE", description = "A rule code, e.g. W05.")
        String rule;
        @Option(names = "--uscc", paramLabel = "USCC", description = "Clues about this enterprise.")
        String uscc;
        @Option(names = "--segment", paramLabel = "CODE", description = "Clues about enterprises of this segment.")
        String segment;
        @Option(names = "--offset", defaultValue = "0", description = "Skip this many (default: ${DEFAULT-VALUE}).")
        int offset;
        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            ClueFilter filter = filter(status, rule, uscc, segment, offset, limit);
            PrintWriter out = spec.commandLine().getOut();
            try (StoreOptions.OpenStore open = storeOptions.open()) {
                WorkflowStores workflow = open.workflow();
                long total = workflow.clues().count(filter);
                List<Clue> clues = workflow.clues().list(filter);
                for (Clue c : clues) {
                    out.printf("%s  %s  %-9s  %d  %-18s  %s%n", c.id(), c.rule(), c.status(), c.severity(),
                            c.uscc() == null ? "-" : c.uscc(), c.summary());
                }
                out.printf("%,d of %,d matching clues%n", clues.size(), total);
            }
            return Main.OK;
        }
    }

    /** Validates list filters with messages that name the option. */
    static ClueFilter filter(String status, String rule, String uscc, String segment, int offset, int limit) {
        ClueStatus s = status == null ? null : ClueStatus.parse(status);
        String r = rule == null ? null : WarningRule.find(rule).map(Enum::name).orElseThrow(() ->
                new IllegalArgumentException("unknown rule '" + rule + "' (expected W01..W" + WarningRule.values().length + ")"));
        String seg = segment == null ? null : segmentCode(segment);
        try {
            return new ClueFilter(s, r, uscc == null ? null : uscc.strip(), seg, offset, limit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage());
        }
    }

    private static String segmentCode(String segment) {
        String code = segment.strip().toUpperCase(java.util.Locale.ROOT);
        for (io.riskgraph.model.Segment s : io.riskgraph.model.Segment.values()) if (s.name().equals(code)) return code;
        throw new IllegalArgumentException("unknown segment '" + segment + "' (expected one of "
                + java.util.Arrays.toString(io.riskgraph.model.Segment.values()) + ")");
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One clue with its evidence and history.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StoreOptions.OpenStore open = storeOptions.open()) {
                WorkflowStores workflow = open.workflow();
                Clue c = workflow.clues().find(id).orElseThrow(() -> new ClueWorkflow.UnknownClueException(id));
                out.printf("%s  %s  %s  severity %d  %s%n%s%n", c.id(), c.rule(), c.status(), c.severity(),
                        c.uscc() == null ? "-" : c.uscc(), c.summary());
                out.println("Evidence:");
                for (Clue.Evidence e : c.evidence()) out.printf("  %-5s %s  %s%n", e.kind(), e.ref(), e.note());
                out.println("History:");
                for (Clue.StatusChange h : c.history()) {
                    out.printf("  %s  %s -> %s  by %s%s%n", h.at(), h.from() == null ? "-" : h.from(), h.to(), h.by(),
                            h.note().isEmpty() ? "" : "  (" + h.note() + ")");
                }
            }
            return Main.OK;
        }
    }

    @Command(name = "set-status", mixinStandardHelpOptions = true,
            description = "Change a clue's status; the change is recorded with who made it and when.")
    static final class SetStatus implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;
        @Parameters(index = "0", paramLabel = "ID")
        String id;
        @Parameters(index = "1", paramLabel = "STATUS", description = "ASSIGNED, VERIFIED, DISMISSED or CLOSED.")
        String status;
        @Option(names = "--by", paramLabel = "NAME", required = true, description = "Who makes the change.")
        String by;
        @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept in the history).")
        String note;

        @Override
        public Integer call() {
            ClueStatus target = ClueStatus.parse(status);
            if (by.isBlank()) throw new IllegalArgumentException("--by must name who makes the change");
            try (StoreOptions.OpenStore open = storeOptions.open()) {
                WorkflowStores workflow = open.workflow();
                Clue c = new ClueWorkflow(workflow.clues(), Clock.systemUTC()).changeStatus(id, target, by, note);
                Clue.StatusChange last = c.history().get(c.history().size() - 1);
                spec.commandLine().getOut().printf("%s: %s -> %s by %s at %s%n", c.id(), last.from(), last.to(), last.by(), last.at());
            }
            return Main.OK;
        }
    }
}
