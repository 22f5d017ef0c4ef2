package io.riskgraph.cli;

import io.riskgraph.risk.learning.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"The store's learned models: list them (default), 'activate V' (a version such as 3, or 'prior' for",
                "the shipped scorecards) to roll back or forward, 'report V' to print a version's back-test."})
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(arity = "0..2", paramLabel = "ACTION [VERSION]", description = "list | activate V | report V")
    List<String> args;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelRegistry registry = new ModelRegistry(storeOptions.modelsDir());
        String action = args == null || args.isEmpty() ? "list" : args.get(0);
        switch (action) {
            case "list" -> {
                if (args != null && args.size() > 1) throw new IllegalArgumentException("'models list' takes no version");
                String active = registry.activeName();
                out.printf("%s %-8s shipped scorecards (general + professional)%n", active.equals(ModelRegistry.PRIOR) ? "*" : " ", "prior");
                for (ModelRegistry.Entry e : registry.list()) {
                    out.printf("%s %-8s as of %s, %s: %s%n", e.active() ? "*" : " ", "v" + e.version(), e.asOf(),
                            e.kind().toLowerCase(java.util.Locale.ROOT), e.summary());
                }
                for (String left : registry.leftovers()) {
                    out.printf("  %-8s left by an interrupted learn or activation (killed while saving): not a model, never used; "
                            + "the next learn removes it, or delete it%n", left);
                }
                out.println("(* = active; folder " + registry.dir() + ")");
            }
            case "activate" -> {
                String v = version(action);
                String before = registry.activeName();
                String now = registry.activate(v);
                out.println("Active model: " + now + " (was " + before + "). Run 'riskgraph grade' to re-grade with it.");
            }
            case "report" -> out.print(registry.report(version(action)));
            default -> throw new IllegalArgumentException("models: unknown action '" + action + "'; use list, activate V or report V");
        }
        return Main.OK;
    }

    private String version(String action) {
        if (args.size() != 2) throw new IllegalArgumentException("'models " + action + "' needs a version, e.g. 'models " + action + " 3'");
        return args.get(1);
    }
}
