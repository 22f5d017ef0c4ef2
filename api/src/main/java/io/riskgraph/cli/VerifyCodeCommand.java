package io.riskgraph.cli;

import io.riskgraph.risk.planning.InspectionCodes;
import io.riskgraph.workflow.WorkflowStores;
import io.riskgraph.store.NodeKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "verify-code", mixinStandardHelpOptions = true,
        description = {"Check an inspection code as the enterprise would: signed by this platform, not expired, its task",
                "open (a code is used once the inspection result came back). Exit 0 when valid, 2 when not, with the reason."})
final class VerifyCodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "CODE", description = "The inspection code (JC1.…).")
    String code;

    @Override
    public Integer call() {
        InspectionCodes codes = PlanningSupport.codes(storeOptions);
        InspectionCodes.Check auth = codes.authenticate(code);
        if (!auth.valid()) return invalid(auth); // a forged code costs no database start
        try (StoreOptions.OpenStore open = storeOptions.open()) {
            WorkflowStores workflow = open.workflow();
            InspectionCodes.Check c = codes.verify(code, LocalDate.now(), workflow.inspectionPlans()::task);
            if (!c.valid()) return invalid(c);
            Object name = open.store().node(new NodeKey("Enterprise", "uscc"), c.claims().uscc())
                    .map(n -> n.property("name")).orElse(null);
            spec.commandLine().getOut().printf("VALID inspection code: task %s, enterprise %s%s, period %s, valid until %s%n",
                    c.claims().taskId(), c.claims().uscc(), name == null ? "" : " " + name, c.claims().period(),
                    c.claims().expires());
        }
        return Main.OK;
    }

    private int invalid(InspectionCodes.Check c) {
        spec.commandLine().getErr().println("riskgraph: INVALID inspection code (" + c.verdict() + "): " + c.message());
        return Main.USAGE;
    }
}
