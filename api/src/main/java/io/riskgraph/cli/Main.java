package io.riskgraph.cli;

import io.riskgraph.query.QueryRefusedException;
import io.riskgraph.query.QueryTimeoutException;
import io.riskgraph.ingest.IngestInputException;
import io.riskgraph.store.GraphStoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The riskgraph command. Exit codes: 0 ok, 1 failure, 2 usage (bad arguments or input that cannot be loaded).
 */
@Command(name = "riskgraph", mixinStandardHelpOptions = true, version = "riskgraph 0.1.0",
        description = "Graph-based enterprise risk knowledge platform for market-supervision regulators.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, AnalyzeCommand.class,
                AlgoCommand.class, StatsCommand.class, QueryCommand.class, QueriesCommand.class, GremlinCommand.class,
                ServeCommand.class, KeysCommand.class, CredentialsCommand.class, AuditCommand.class, GradeCommand.class,
                RegradeCommand.class, LearnCommand.class, ModelsCommand.class, ExportCommand.class, BacktestCommand.class,
                CalibrateCommand.class, WarnCommand.class, CluesCommand.class, PlanCommand.class, VerifyCodeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true), err = new PrintWriter(System.err, true);
        int exit = run(args, out, err);
        // auto-flush covers println only: what a command print()s last would be lost on exit
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** Runs a command line; the tests call this with their own writers. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("riskgraph: " + message(e));
            return exitCode(e);
        });
        return cli.execute(args);
    }

    static int exitCode(Throwable e) {
        return switch (e) {
            case IngestInputException x -> USAGE;
            case IllegalArgumentException x -> USAGE;
            case CommandLine.ParameterException x -> USAGE;
            case QueryRefusedException x -> USAGE;
            case io.riskgraph.backend.Backend.Unsupported x -> USAGE;
            default -> FAILURE;
        };
    }

    static String message(Throwable e) {
        if (e instanceof GraphStoreException || e instanceof IngestInputException
                || e instanceof IllegalArgumentException || e instanceof QueryRefusedException
                || e instanceof QueryTimeoutException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
