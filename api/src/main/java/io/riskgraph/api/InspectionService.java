package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgraph.risk.planning.InspectionCodes;
import io.riskgraph.risk.planning.Regrader;
import io.riskgraph.risk.planning.ResultLoop;
import io.riskgraph.ingest.GraphMapping;
import io.riskgraph.store.GraphStore;
import io.riskgraph.workflow.InspectionOutcome;
import io.riskgraph.workflow.InspectionPlanRepository;
import io.riskgraph.workflow.InspectionTask;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inspection-code check (public) and the result of a planned inspection (investigators and admins), over the
 * plan repository, the graph and the code key.
 */
public final class InspectionService {
    /** Public code checks per client address per minute. */
    public static final int CODE_CHECKS_PER_MINUTE_DEFAULT = 60;

    private final GraphStore store;
    private final InspectionPlanRepository plans;
    private final InspectionCodes codes;
    private final ResultLoop loop;
    private final Clock clock;

    public InspectionService(GraphStore store, InspectionPlanRepository plans, InspectionCodes codes, Regrader regrader,
                             Clock clock) {
        this.store = store;
        this.plans = plans;
        this.codes = codes;
        this.loop = new ResultLoop(plans, regrader);
        this.clock = clock;
    }

    /** 200 with the enterprise and period for a valid code; an ApiException 400 that names the reason otherwise. */
    Map<String, Object> verify(String code) {
        InspectionCodes.Check c = codes.verify(code, LocalDate.now(clock), plans::task);
        if (!c.valid()) {
            String reason = c.verdict() == InspectionCodes.Verdict.UNKNOWN_TASK ? "CODE_UNKNOWN" : "CODE_" + c.verdict().name();
            throw ApiException.badRequest(reason, "invalid inspection code: " + c.message());
        }
        Map<String, Object> enterprise = new LinkedHashMap<>();
        enterprise.put("uscc", c.claims().uscc());
        enterprise.put("name", store.node(GraphMapping.ENTERPRISE, c.claims().uscc()).map(n -> n.property("name")).orElse(null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", true);
        out.put("enterprise", enterprise);
        out.put("period", c.claims().period());
        out.put("validUntil", c.claims().expires().toString());
        return out;
    }

    /** Writes the inspection event, closes the task and re-grades the enterprise; returns the closed task. */
    Map<String, Object> result(String taskId, JsonNode body) {
        InspectionTask task = plans.task(taskId).orElseThrow(() -> ApiException.notFound("UNKNOWN_TASK",
                "no inspection task '" + taskId + "'"));
        ResultLoop.openTask(plans, taskId); // closed or unassigned: 400 before anything is written
        LocalDate date = date(body);
        String result = text(body, "result");
        int issues = body.has("issues") ? whole(body.get("issues")) : 0;
        Boolean rectified = null;
        if (body.hasNonNull("rectified")) {
            if (!body.get("rectified").isBoolean()) throw ApiException.badRequest("INVALID_BODY", "rectified must be true or false");
            rectified = body.get("rectified").asBoolean();
        }
        String inspectionId = body.hasNonNull("inspectionId") ? body.get("inspectionId").asText().strip() : taskId;
        if (inspectionId.isEmpty()) throw ApiException.badRequest("INVALID_BODY", "inspectionId must not be empty");
        InspectionOutcome outcome;
        try {
            outcome = new InspectionOutcome(taskId, inspectionId, date, result, issues, rectified);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_BODY", e.getMessage());
        }
        if (date.isAfter(LocalDate.now(clock))) throw ApiException.badRequest("INVALID_BODY", "date " + date + " is in the future");
        Map<String, Object> values = new HashMap<>();
        values.put("inspection_id", inspectionId);
        values.put("uscc", task.uscc());
        values.put("date", date);
        values.put("kind", "DOUBLE_RANDOM");
        values.put("inspectors", task.inspectors());
        values.put("result", result);
        values.put("issues", issues);
        if (rectified != null) values.put("rectified", rectified);
        values.put("code", task.code());
        store.upsert(GraphMapping.inspection(values));
        InspectionTask closed = loop.close(outcome, clock.instant());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskId", closed.taskId());
        out.put("uscc", closed.uscc());
        out.put("status", closed.status().name());
        out.put("result", closed.result());
        out.put("date", String.valueOf(closed.resultDate()));
        out.put("issues", closed.issues());
        out.put("inspectionId", closed.inspectionId());
        out.put("regrade", "requested"); // the server re-grades in the background (a grading pass reads the whole city)
        return out;
    }

    private static LocalDate date(JsonNode body) {
        String d = text(body, "date");
        try {
            return LocalDate.parse(d);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_BODY", "date must be an ISO day such as 2026-02-15, got '" + d + "'");
        }
    }

    private static String text(JsonNode body, String field) {
        if (!body.hasNonNull(field) || !body.get(field).isTextual()) {
            throw ApiException.badRequest("INVALID_BODY", field + " is required: send {\"date\": \"2026-02-15\", "
                    + "\"result\": \"NO_ISSUES\" or \"ISSUES_FOUND\", \"issues\": 0, \"rectified\": true}");
        }
        return body.get(field).asText().strip();
    }

    private static int whole(JsonNode n) {
        if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 10_000) {
            throw ApiException.badRequest("INVALID_BODY", "issues must be a whole number from 0 to 10000, got " + n);
        }
        return n.asInt();
    }
}
