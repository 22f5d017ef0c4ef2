package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.riskgraph.risk.warning.WarningRule;
import io.riskgraph.model.Segment;
import io.riskgraph.model.id.IdCheck;
import io.riskgraph.model.id.Uscc;
import io.riskgraph.workflow.Clue;
import io.riskgraph.workflow.ClueFilter;
import io.riskgraph.workflow.ClueRepository;
import io.riskgraph.workflow.ClueStatus;
import io.riskgraph.workflow.ClueWorkflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The clue endpoints: list with filters and paging, one clue with its evidence and history, a status change, and
 * the rule catalogue. Reads are for every role (persons masked below investigator); changing a status needs the
 * analyst role or above and is recorded under the key's name.
 */
final class ClueRoutes {
    static final int LIMIT_DEFAULT = 50;
    static final int LIMIT_MAX = 500;

    private final ClueRepository clues;
    private final ClueWorkflow workflow;

    ClueRoutes(ClueRepository clues, Clock clock) {
        this.clues = clues;
        this.workflow = new ClueWorkflow(clues, clock);
    }

    Object list(ApiServer.Call c) {
        Context ctx = c.ctx;
        ClueFilter filter = new ClueFilter(status(ctx.queryParam("status")), rule(ctx.queryParam("rule")),
                uscc(ctx.queryParam("uscc")), segment(ctx.queryParam("segment")), district(ctx.queryParam("district")),
                ApiServer.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE), ApiServer.intParam(ctx, "limit", LIMIT_DEFAULT, 1, LIMIT_MAX));
        List<Clue> page = clues.list(filter);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Clue clue : page) {
            if (clue.uscc() != null) c.seen.add(clue.uscc());
            out.add(view(clue, false, c.fullPersons()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", clues.count(filter));
        m.put("offset", filter.offset());
        m.put("limit", filter.limit());
        m.put("clues", out);
        return m;
    }

    Object one(ApiServer.Call c) {
        String id = c.ctx.pathParam("id");
        Clue clue = clues.find(id).orElseThrow(() -> unknown(id));
        if (clue.uscc() != null) c.seen.add(clue.uscc());
        return view(clue, true, c.fullPersons());
    }

    Object changeStatus(ApiServer.Call c, JsonNode body) {
        String id = c.ctx.pathParam("id");
        if (!body.hasNonNull("status") || !body.get("status").isTextual()) {
            throw ApiException.badRequest("INVALID_BODY", "send {\"status\": \"ASSIGNED|VERIFIED|DISMISSED|CLOSED\", \"note\": \"...\"}");
        }
        ClueStatus target = status(body.get("status").asText());
        String note = body.hasNonNull("note") ? body.get("note").asText() : "";
        c.auditParams.put("status", target.name());
        c.auditParams.put("note", note);
        try {
            Clue clue = workflow.changeStatus(id, target, c.key.name(), note);
            if (clue.uscc() != null) c.seen.add(clue.uscc());
            return view(clue, true, c.fullPersons());
        } catch (ClueWorkflow.UnknownClueException e) {
            throw unknown(id);
        } catch (ClueWorkflow.IllegalTransitionException e) {
            throw ApiException.badRequest("ILLEGAL_TRANSITION", e.getMessage());
        }
    }

    Object rules(ApiServer.Call c) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (WarningRule r : WarningRule.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", r.name());
            m.put("nameZh", r.nameZh);
            m.put("nameEn", r.nameEn);
            m.put("pattern", r.pattern);
            m.put("dedupKey", r.dedupKey);
            out.add(m);
        }
        return Map.of("rules", out, "statuses", Arrays.stream(ClueStatus.values()).map(s -> Map.of("status", s.name(),
                "next", s.next().stream().map(Enum::name).toList())).toList());
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("UNKNOWN_CLUE", "no clue with id '" + id + "'; list them with GET /clues");
    }

    private static ClueStatus status(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return ClueStatus.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("UNKNOWN_STATUS", e.getMessage());
        }
    }

    private static String rule(String s) {
        if (s == null || s.isBlank()) return null;
        return WarningRule.find(s).map(Enum::name).orElseThrow(() -> ApiException.badRequest("UNKNOWN_RULE",
                "unknown warning rule '" + s + "' (expected W01..W" + WarningRule.values().length + "; GET /warning-rules lists them)"));
    }

    private static String uscc(String s) {
        if (s == null || s.isBlank()) return null;
        IdCheck check = Uscc.check(s);
        if (!check.usable()) throw ApiException.badRequest("INVALID_USCC", check.message());
        return check.normalised();
    }

    private static String district(String s) {
        if (s == null || s.isBlank()) return null;
        if (s.strip().length() > 50) throw ApiException.badRequest("INVALID_PARAMETER", "district is a district name such as 黄浦区, got '" + s + "'");
        return s.strip();
    }

    private static String segment(String s) {
        if (s == null || s.isBlank()) return null;
        String code = s.strip().toUpperCase(Locale.ROOT);
        for (Segment seg : Segment.values()) if (seg.name().equals(code)) return code;
        throw ApiException.badRequest("INVALID_SEGMENT", "unknown segment '" + s + "' (expected one of " + Arrays.toString(Segment.values()) + ")");
    }

    /**
     * A clue as JSON. Below the investigator role every person key (in evidence, paths and the summary) becomes
     * the server's pseudonym for it, as elsewhere in the API.
     */
    static Map<String, Object> view(Clue clue, boolean withDetail, boolean fullPersons) {
        Map<String, String> pseudonyms = new LinkedHashMap<>();
        if (!fullPersons) {
            Set<String> persons = new LinkedHashSet<>();
            for (Clue.Evidence e : clue.evidence()) {
                java.util.regex.Matcher m = PERSON_REF.matcher(e.ref());
                while (m.find()) persons.add(m.group(1));
            }
            for (String p : persons) pseudonyms.put(p, Views.pseudonym(p));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", clue.id());
        m.put("rule", clue.rule());
        WarningRule.find(clue.rule()).ifPresent(r -> m.put("ruleName", r.nameEn));
        m.put("status", clue.status().name());
        m.put("severity", clue.severity());
        m.put("uscc", clue.uscc());
        m.put("segment", clue.segment());
        m.put("summary", mask(clue.summary(), pseudonyms));
        m.put("asOf", clue.asOf() == null ? null : clue.asOf().toString());
        m.put("createdAt", clue.createdAt() == null ? null : clue.createdAt().toString());
        if (withDetail) {
            m.put("dedupKey", mask(clue.dedupKey(), pseudonyms));
            m.put("evidence", clue.evidence().stream().map(e -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("kind", e.kind());
                x.put("ref", mask(e.ref(), pseudonyms));
                x.put("note", mask(e.note(), pseudonyms));
                return x;
            }).toList());
            m.put("history", clue.history().stream().map(h -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("from", h.from() == null ? null : h.from().name());
                x.put("to", h.to().name());
                x.put("by", h.by());
                x.put("at", h.at().toString());
                x.put("note", h.note());
                return x;
            }).toList());
            m.put("next", clue.status().next().stream().map(Enum::name).toList());
        } else {
            m.put("evidenceCount", clue.evidence().size());
        }
        return m;
    }

    private static final java.util.regex.Pattern PERSON_REF = java.util.regex.Pattern.compile("Person:([^)\\s|,]+)");

    private static String mask(String text, Map<String, String> pseudonyms) {
        if (text == null || pseudonyms.isEmpty()) return text;
        String out = text;
        for (var e : pseudonyms.entrySet()) out = out.replace(e.getKey(), e.getValue());
        return out;
    }
}
