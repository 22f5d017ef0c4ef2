package io.riskgraph.cli;

import io.riskgraph.ingest.generator.CityGenerator;
import io.riskgraph.ingest.generator.GeneratorParams;
import io.riskgraph.ingest.generator.GeneratorSummary;
import io.riskgraph.ingest.generator.Mechanics;
import io.riskgraph.progress.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic city in the canonical format, with hidden ground truth in truth.csv.",
                "The same seed and size give byte-identical files. See docs/generator.md."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--enterprises", paramLabel = "N", defaultValue = "" + GeneratorParams.DEFAULT_ENTERPRISES,
            description = "How many enterprises (default: ${DEFAULT-VALUE}; a Shanghai-sized city is 2900000).")
    int enterprises;

    @Option(names = "--seed", defaultValue = "" + GeneratorParams.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mechanics", paramLabel = "NAME", defaultValue = "default",
            description = {"How the city works (default: ${DEFAULT-VALUE}): default, alt or alt2 differ in which segments",
                    "and events carry risk, how risk spreads through persons and controllers, and how inspections",
                    "are targeted. See docs/generator.md."})
    String mechanics;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (must be empty or new).")
    Path out;

    @Option(names = "--force", description = "Replace an existing non-empty output folder.")
    boolean force;

    @Override
    public Integer call() {
        GeneratorParams params = GeneratorParams.of(enterprises, seed).withMechanics(Mechanics.preset(mechanics));
        GeneratorParams.checkOutputDir(out, force);
        GeneratorSummary summary = new CityGenerator(params)
                .generate(out, force, new ConsoleProgress(System.err), Cancellation.NEVER);
        print(spec.commandLine().getOut(), summary);
        spec.commandLine().getOut().printf("Mechanics: %s%n", params.mechanics().name());
        return Main.OK;
    }

    static void print(PrintWriter out, GeneratorSummary s) {
        out.printf("Generated %s in %.1f s (%,.0f enterprises/s):%n", s.outDir(), s.elapsed().toMillis() / 1000.0,
                s.enterprisesPerSecond());
        for (Map.Entry<String, Long> e : s.rows().entrySet()) out.printf("  %-22s %,12d rows%n", e.getKey(), e.getValue());
        out.printf("Ground truth (never ingested): %s; next-half-year violation rate %.1f %%%n",
                s.outDir().resolve(CityGenerator.TRUTH), s.observedViolationRate() * 100);
    }
}
