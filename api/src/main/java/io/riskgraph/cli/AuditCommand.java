package io.riskgraph.cli;

import io.riskgraph.api.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The API's audit log (audit.jsonl in the store folder or --api-dir): one hash-chained line per request.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit log's hash chain: a changed, removed, inserted or moved line is reported by "
                    + "its number. Exit 0 when intact, 1 when not.",
                    "Prints the last hash: keep it elsewhere and pass it later with --expect, which also catches a "
                            + "log rewritten whole."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        StoreOptions storeOptions;
        @Option(names = "--api-dir", paramLabel = "DIR",
                description = "Folder of audit.jsonl (default: the store folder, or ~/.riskgraph with --uri).")
        Path apiDir;
        @Option(names = "--file", paramLabel = "FILE", description = "A log or an export (GET /admin/audit) to check instead.")
        Path file;
        @Option(names = "--partial", description = "The file may start after the log's first line (an export with 'from').")
        boolean partial;
        @Option(names = "--expect", paramLabel = "HASH", description = "A hash kept from an earlier check that must still be in the chain.")
        String expect;

        @Override
        public Integer call() throws IOException {
            Path f = file != null ? file : ServeCommand.apiDir(storeOptions, apiDir).resolve(AuditLog.FILE);
            if (!Files.isRegularFile(f)) throw new IllegalArgumentException("no audit log " + f);
            AuditLog.Verification v = AuditLog.verify(f, partial, expect);
            PrintWriter out = spec.commandLine().getOut();
            out.println(f + ": " + v.lines() + " lines" + (v.unchainedHead() > 0 ? " (the first " + v.unchainedHead()
                    + " written before the chain)" : "") + (v.startsAfter() != null ? ", starting after " + v.startsAfter() : ""));
            if (v.intact()) {
                out.println("chain intact; last hash " + (v.lastHash() == null ? "(none)" : v.lastHash()));
                return Main.OK;
            }
            PrintWriter err = spec.commandLine().getErr();
            v.problems().forEach(p -> err.println("riskgraph: " + p));
            err.println("riskgraph: the audit log is NOT intact (" + v.problems().size() + " problem"
                    + (v.problems().size() == 1 ? "" : "s") + ")");
            return Main.FAILURE;
        }
    }
}
