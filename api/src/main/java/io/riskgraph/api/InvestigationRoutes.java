package io.riskgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.riskgraph.workflow.Investigation;
import io.riskgraph.workflow.InvestigationRepository;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved investigations of the network view (investigator role and above): each user lists, opens and saves their
 * own; one marked shared can be opened (not changed) by the others. The content is the page's JSON document
 * (nodes with names, positions and notes), stored as it is: every role that may read it sees persons in full anyway,
 * so nothing in it is masked.
 */
final class InvestigationRoutes {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final InvestigationRepository investigations;
    private final Clock clock;

    InvestigationRoutes(InvestigationRepository investigations, Clock clock) {
        this.investigations = investigations;
        this.clock = clock;
    }

    Object list(ApiServer.Call c) {
        List<Map<String, Object>> out = investigations.visibleTo(c.key.name()).stream().map(i -> view(i, c, false)).toList();
        return Map.of("investigations", out);
    }

    Object one(ApiServer.Call c) {
        return view(readable(c, c.ctx.pathParam("id")), c, true);
    }

    Object create(ApiServer.Call c, JsonNode body) {
        Instant now = clock.instant();
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        Investigation i = fromBody(body, "inv-" + HexFormat.of().formatHex(b), c.key.name(), now, now);
        c.auditParams.put("investigation", i.id());
        c.ctx.status(201);
        return view(investigations.save(i), c, true);
    }

    Object update(ApiServer.Call c, JsonNode body) {
        String id = c.ctx.pathParam("id");
        Investigation old = readable(c, id);
        if (!old.owner().equals(c.key.name())) {
            throw new ApiException(403, "FORBIDDEN", "investigation " + id + " belongs to '" + old.owner()
                    + "'; save a copy of your own instead (POST /investigations)");
        }
        c.auditParams.put("investigation", id);
        return view(investigations.save(fromBody(body, id, old.owner(), old.createdAt(), clock.instant())), c, true);
    }

    Object delete(ApiServer.Call c) {
        String id = c.ctx.pathParam("id");
        Investigation old = readable(c, id);
        if (!old.owner().equals(c.key.name()) || !investigations.delete(id, c.key.name())) {
            throw new ApiException(403, "FORBIDDEN", "investigation " + id + " belongs to '" + old.owner() + "'");
        }
        return Map.of("id", id, "deleted", true);
    }

    private Investigation readable(ApiServer.Call c, String id) {
        return investigations.find(id).filter(i -> i.shared() || i.owner().equals(c.key.name()))
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_INVESTIGATION", "no investigation '" + id
                        + "' of yours or shared with you; GET /investigations lists them"));
    }

    private static Investigation fromBody(JsonNode body, String id, String owner, Instant created, Instant updated) {
        if (!body.path("name").isTextual() || body.get("name").asText().isBlank()) {
            throw ApiException.badRequest("INVALID_BODY", "send {\"name\": \"...\", \"notes\": \"...\", \"shared\": false, "
                    + "\"content\": {\"nodes\": [...], \"edges\": [...]}}; name is required");
        }
        JsonNode content = body.path("content");
        if (!content.isObject()) throw ApiException.badRequest("INVALID_BODY", "content must be a JSON object (the page's drawing)");
        if (body.has("shared") && !body.get("shared").isBoolean()) throw ApiException.badRequest("INVALID_BODY", "shared must be true or false");
        if (body.has("notes") && !body.get("notes").isTextual()) throw ApiException.badRequest("INVALID_BODY", "notes must be text");
        try {
            return new Investigation(id, owner, body.get("name").asText().strip(), body.path("notes").asText(""),
                    body.path("shared").asBoolean(false), content.toString(), created, updated);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_BODY", e.getMessage());
        }
    }

    private static Map<String, Object> view(Investigation i, ApiServer.Call c, boolean withContent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("name", i.name());
        m.put("owner", i.owner());
        m.put("mine", i.owner().equals(c.key.name()));
        m.put("shared", i.shared());
        m.put("notes", i.notes());
        m.put("createdAt", String.valueOf(i.createdAt()));
        m.put("updatedAt", String.valueOf(i.updatedAt()));
        if (withContent) {
            try {
                m.put("content", Json.MAPPER.readTree(i.content()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("stored investigation " + i.id() + " is not JSON", e);
            }
        }
        return m;
    }
}
