package io.riskgraph.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.riskgraph.backend.Backend;
import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.NamedQuery;
import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.QueryRefusedException;
import io.riskgraph.query.QueryResult;
import io.riskgraph.query.QueryTimeoutException;
import io.riskgraph.query.ReadOnlyQueries;
import io.riskgraph.store.GraphReads;
import io.riskgraph.model.id.Uscc;
import io.riskgraph.store.GraphCounts;
import io.riskgraph.store.GraphStore;
import io.riskgraph.store.GraphStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The HTTP API (Javalin): JSON everywhere, errors as {"code", "message"}. Every route is registered through
 * {@link #route}, which authenticates the API key, checks the role, times the request for /metrics, maps errors to
 * statuses and appends the request to the audit log. Route groups are methods ({@link #entityRoutes},
 * {@link #queryRoutes}, {@link #adminRoutes}); the grading issue adds its clue routes as one more group.
 */
public final class ApiServer implements AutoCloseable {
    /** A body that is not JSON. */
    public record Raw(String body, String contentType) {}

    /** One registered route, for the OpenAPI check and docs. */
    public record RouteInfo(String method, String path, Role role) {}

    @FunctionalInterface
    interface Endpoint {
        Object handle(Call call) throws Exception;
    }

    /** A request in progress: the context, the caller's key (null on public routes), what it returned. */
    public static final class Call {
        final Context ctx;
        final ApiKeys.Key key;
        final Set<String> seen = new LinkedHashSet<>();
        final Map<String, Object> auditParams = new TreeMap<>();
        /** Who a public route found the caller to be (sign-in, /health with a key), for the audit line. */
        ApiKeys.Key auditAs;

        Call(Context ctx, ApiKeys.Key key) {
            this.ctx = ctx;
            this.key = key;
        }

        boolean fullPersons() { return key != null && key.role().seesFullPersons(); }
    }

    private final ApiConfig config;
    private final GraphStore store;
    private final GraphReads reads;
    private final RelationSnapshots snapshots;
    private final EntityService entities;
    private final Backend backend;
    private final ApiKeys keys;
    private final AuditLog audit;
    private final SearchIndex index;
    private final Metrics metrics;
    private final io.riskgraph.workflow.WorkflowStores workflow;
    private final ClueRoutes clueRoutes;
    private final String storeDescription;
    private final List<RouteInfo> routes = new ArrayList<>();
    private final Instant started = Instant.now();
    private Javalin app;
    private volatile InspectionService inspections;
    private final RateLimiter codeChecks = new RateLimiter(InspectionService.CODE_CHECKS_PER_MINUTE_DEFAULT);
    private final RateLimiter verifyPages = new RateLimiter(InspectionService.CODE_CHECKS_PER_MINUTE_DEFAULT);
    private final RateLimiter signIns = new RateLimiter(SIGN_INS_PER_MINUTE);
    private final WebSessions sessions = new WebSessions();
    private final NetworkService network;
    private final DashboardService dashboard;
    private final InvestigationRoutes investigationRoutes;

    /** Sign-in attempts per client address per minute (a brute-force bound; keys are 256-bit anyway). */
    public static final int SIGN_INS_PER_MINUTE = 30;
    /** Where the page's files are on the classpath (module web). */
    public static final String WEB_RESOURCES = "/io/riskgraph/web";
    /**
     * The page's Content-Security-Policy: scripts, styles, fonts and data only from this server, no inline script or
     * style attribute, no frames; images also from data: and blob: URLs (the network's PNG export).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * @param dataDir  where the keys file and the audit log are
     * @param indexDir the search index folder, or null for an index in memory
     */
    public ApiServer(ApiConfig config, Backend backend, Path dataDir, Path indexDir) {
        this.config = config;
        this.backend = backend;
        this.store = backend.store();
        this.reads = backend.reads();
        this.snapshots = config.relationSnapshot() ? new RelationSnapshots(reads, config.snapshotCheck()) : null;
        this.entities = new EntityService(store, reads, new GraphOwnership(reads), config.hubDegree(), snapshots);
        this.keys = new ApiKeys(dataDir);
        this.audit = new AuditLog(dataDir);
        this.index = new SearchIndex(indexDir);
        this.metrics = new Metrics(reads::ping);
        this.workflow = backend.workflow();
        this.clueRoutes = new ClueRoutes(workflow.clues(), java.time.Clock.systemUTC());
        this.network = new NetworkService(store, reads, entities);
        this.dashboard = new DashboardService(reads);
        this.investigationRoutes = new InvestigationRoutes(workflow.investigations(), java.time.Clock.systemUTC());
        this.storeDescription = backend.describe();
    }

    public ApiKeys keys() { return keys; }

    private ApiLimits limits = ApiLimits.DEFAULT;

    /** Request limits, timeouts and TLS (before {@link #start}). */
    public ApiServer limits(ApiLimits limits) {
        this.limits = limits;
        return this;
    }

    public ApiLimits limits() { return limits; }

    /** Enables the inspection-code and inspection-result routes (they answer 503 until this is called). */
    public ApiServer inspections(InspectionService service) {
        this.inspections = service;
        return this;
    }

    public AuditLog audit() { return audit; }

    /** The web page's sign-in sessions. */
    public WebSessions sessions() { return sessions; }

    public SearchIndex index() { return index; }

    public List<RouteInfo> routes() { return List.copyOf(routes); }

    public int port() { return app.port(); }

    /** Builds the search index from the store, then serves on host:port (0 = any free port). */
    public ApiServer start(String host, int port) {
        reindexAll();
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.defaultContentType = "application/json";
            cfg.http.maxRequestSize = limits.maxBodyBytes();
            cfg.jetty.addConnector((server, http) -> connector(server, http, host, port));
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = WEB_RESOURCES;
                sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            cfg.routes.before(ApiServer::securityHeaders);
            opsRoutes(cfg);
            entityRoutes(cfg);
            queryRoutes(cfg);
            adminRoutes(cfg);
            clueRoutes(cfg);
            inspectionRoutes(cfg);
            webRoutes(cfg);
            networkRoutes(cfg);
            investigationRoutes(cfg);
        });
        app.start();
        return this;
    }

    public void stop() {
        if (app != null) app.stop();
    }

    /** Whether the server speaks HTTPS. */
    public boolean tls() { return limits.tls(); }

    /** The one connector: HTTP or HTTPS, with the header and idle timeouts and the connection limit. */
    private org.eclipse.jetty.server.Connector connector(org.eclipse.jetty.server.Server server,
                                                         org.eclipse.jetty.server.HttpConfiguration http, String host, int port) {
        http.setRequestHeaderSize(limits.requestHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        org.eclipse.jetty.server.ServerConnector c;
        org.eclipse.jetty.server.HttpConnectionFactory h1 = new org.eclipse.jetty.server.HttpConnectionFactory(http);
        if (limits.tls()) {
            http.setSecureScheme("https");
            http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
            var ssl = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            char[] password = java.util.UUID.randomUUID().toString().toCharArray();
            ssl.setKeyStore(PemKeys.keyStore(limits.tlsCert(), limits.tlsKey(), password));
            ssl.setKeyStorePassword(new String(password));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            c = new org.eclipse.jetty.server.ServerConnector(server,
                    new org.eclipse.jetty.server.SslConnectionFactory(ssl, h1.getProtocol()), h1);
        } else {
            c = new org.eclipse.jetty.server.ServerConnector(server, h1);
        }
        SlowClientGuard guard = new SlowClientGuard(server.getScheduler() != null ? server.getScheduler()
                : new org.eclipse.jetty.util.thread.ScheduledExecutorScheduler(), limits.headerTimeout());
        http.addCustomizer(guard);
        c.addEventListener(guard);
        c.setHost(host);
        c.setPort(port);
        c.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addBean(new org.eclipse.jetty.server.NetworkConnectionLimit(limits.maxConnections(), c));
        return c;
    }

    @Override
    public void close() {
        stop();
        if (snapshots != null) snapshots.close();
        index.close();
        audit.close();
    }

    // ---- route groups --------------------------------------------------------------------------------------

    private void opsRoutes(JavalinConfig cfg) {
        route(cfg, "GET", "/health", null, false, this::health);
        route(cfg, "GET", "/metrics", null, false, c -> new Raw(metrics.scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        route(cfg, "GET", "/openapi.json", null, false, c -> new Raw(openApi(), "application/json"));
    }

    private void entityRoutes(JavalinConfig cfg) {
        route(cfg, "GET", "/enterprises/{uscc}", Role.CONSUMER, true, c ->
                entities.profile(entities.enterprise(c.ctx.pathParam("uscc")), c.fullPersons(), c.seen));
        route(cfg, "GET", "/enterprises/{uscc}/related", Role.CONSUMER, true, c ->
                entities.related(c.ctx.pathParam("uscc"), relatedQuery(c.ctx, config.hubDegree()), c.fullPersons(), c.seen));
        route(cfg, "GET", "/enterprises/{uscc}/holders", Role.CONSUMER, true, c ->
                entities.holders(entities.enterprise(c.ctx.pathParam("uscc")), c.fullPersons(), c.seen));
        route(cfg, "GET", "/paths", Role.CONSUMER, true, c -> {
            int maxHops = intParam(c.ctx, "maxHops", 4, 1, 6);
            var from = entities.entity(c.ctx.queryParam("from"), "from");
            var to = entities.entity(c.ctx.queryParam("to"), "to");
            int hub = intParam(c.ctx, "hubDegree", config.hubDegree(), 1, config.hubDegree());
            return entities.paths(from, to, maxHops, hub, c.fullPersons(), c.seen);
        });
        route(cfg, "GET", "/segments/{code}/high-risk", Role.CONSUMER, true, c ->
                entities.segmentHighRisk(c.ctx.pathParam("code"), intParam(c.ctx, "limit", 20, 1, 500), c.seen));
        route(cfg, "GET", "/search", Role.CONSUMER, true, c -> search(c));
    }

    /** Warning clues (docs/api.md, "Clues"): reads for every role, status changes for analysts and above. */
    private void clueRoutes(JavalinConfig cfg) {
        route(cfg, "GET", "/warning-rules", Role.CONSUMER, false, clueRoutes::rules);
        route(cfg, "GET", "/clues", Role.CONSUMER, true, clueRoutes::list);
        route(cfg, "GET", "/clues/{id}", Role.CONSUMER, true, clueRoutes::one);
        route(cfg, "POST", "/clues/{id}/status", Role.ANALYST, true, c -> clueRoutes.changeStatus(c, body(c.ctx)));
    }

    private void queryRoutes(JavalinConfig cfg) {
        route(cfg, "GET", "/queries", Role.ANALYST, false, c -> backend.cypherCatalogue().all().stream().map(q -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", q.name());
            m.put("description", q.description());
            m.put("params", q.params());
            m.put("cypher", q.statement());
            return m;
        }).toList());
        route(cfg, "POST", "/queries/{name}", Role.ANALYST, true, c -> {
            String name = c.ctx.pathParam("name");
            NamedQuery q = backend.cypherCatalogue().find(name).orElseThrow(() -> ApiException.notFound("UNKNOWN_QUERY",
                    "no named query '" + name + "'; GET /queries lists them"));
            JsonNode body = body(c.ctx);
            JsonNode params = body.has("params") ? body.get("params") : body;
            Map<String, Object> values = toMap(params, "params");
            c.auditParams.put("params", values);
            q.checkParams(values.keySet());
            return runCypher(c, q.statement(), values, body);
        });
        route(cfg, "POST", "/gremlin", Role.ANALYST, true, c -> {
            JsonNode body = body(c.ctx);
            if (!body.hasNonNull("statement") || !body.get("statement").isTextual()) {
                throw ApiException.badRequest("MISSING_STATEMENT", "send {\"statement\": \"g.V()...\", \"params\": {...}}");
            }
            Map<String, Object> values = body.has("params") ? toMap(body.get("params"), "params") : Map.of();
            c.auditParams.put("statement", body.get("statement").asText());
            c.auditParams.put("params", values);
            return runQuery(c, backend.gremlin(), body.get("statement").asText(), values, body);
        });
        route(cfg, "POST", "/cypher", Role.ANALYST, true, c -> {
            JsonNode body = body(c.ctx);
            if (!body.hasNonNull("statement") || !body.get("statement").isTextual()) {
                throw ApiException.badRequest("MISSING_STATEMENT", "send {\"statement\": \"MATCH ...\", \"params\": {...}}");
            }
            Map<String, Object> values = body.has("params") ? toMap(body.get("params"), "params") : Map.of();
            c.auditParams.put("statement", body.get("statement").asText());
            c.auditParams.put("params", values);
            return runCypher(c, body.get("statement").asText(), values, body);
        });
    }

    private void adminRoutes(JavalinConfig cfg) {
        route(cfg, "POST", "/admin/reindex", Role.ADMIN, true, c -> {
            JsonNode body = body(c.ctx);
            if (body.has("usccs") || body.has("personIds")) {
                List<String> usccs = strings(body.get("usccs"));
                List<String> pids = strings(body.get("personIds"));
                int n = reindex(usccs, pids);
                return Map.of("mode", "changed", "indexed", n, "documents", index.size());
            }
            return Map.of("mode", "full", "indexed", reindexAll(), "documents", index.size());
        });
        route(cfg, "GET", "/admin/audit", Role.ADMIN, true, c -> {
            Instant from = instant(c.ctx.queryParam("from"), "from");
            Instant to = instant(c.ctx.queryParam("to"), "to");
            String format = c.ctx.queryParam("format") == null ? "jsonl" : c.ctx.queryParam("format").toLowerCase(Locale.ROOT);
            return switch (format) {
                // the lines as written, so that an export verifies (riskgraph audit verify --partial FILE)
                case "jsonl" -> new Raw(audit.readRaw(from, to), "application/x-ndjson; charset=utf-8");
                case "csv" -> new Raw(AuditLog.csv(audit.read(from, to)), "text/csv; charset=utf-8");
                default -> throw ApiException.badRequest("INVALID_PARAMETER", "format must be jsonl or csv, got '" + format + "'");
            };
        });
        route(cfg, "GET", "/admin/keys", Role.ADMIN, true, c -> keys.list().stream().map(k -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", k.name());
            m.put("role", k.role().lower());
            m.put("created", k.created());
            m.put("revoked", k.revoked());
            return m;
        }).toList());
        route(cfg, "POST", "/admin/keys", Role.ADMIN, true, c -> {
            JsonNode body = body(c.ctx);
            if (!body.hasNonNull("name") || !body.hasNonNull("role")) {
                throw ApiException.badRequest("INVALID_BODY", "send {\"name\": \"...\", \"role\": \"consumer|analyst|investigator|admin\"}");
            }
            c.auditParams.put("name", body.get("name").asText());
            c.auditParams.put("role", body.get("role").asText());
            ApiKeys.Created k = keys.create(body.get("name").asText(), Role.parse(body.get("role").asText()));
            c.ctx.status(201);
            return Map.of("name", k.key().name(), "role", k.key().role().lower(), "key", k.secret(),
                    "note", "shown once; only its SHA-256 is stored");
        });
        route(cfg, "DELETE", "/admin/keys/{name}", Role.ADMIN, true, c -> {
            String name = c.ctx.pathParam("name");
            if (!keys.revoke(name)) throw ApiException.notFound("UNKNOWN_KEY", "no active key named '" + name + "'");
            return Map.of("name", name, "revoked", true);
        });
    }

    private void inspectionRoutes(JavalinConfig cfg) {
        route(cfg, "GET", "/inspection-codes/{code}", null, false, c -> {
            if (!codeChecks.allow(c.ctx.ip(), System.currentTimeMillis())) {
                throw new ApiException(429, "TOO_MANY_REQUESTS", "at most " + InspectionService.CODE_CHECKS_PER_MINUTE_DEFAULT
                        + " code checks per minute from one address; try again in a minute");
            }
            return inspectionService().verify(c.ctx.pathParam("code"));
        });
        route(cfg, "POST", "/inspection-tasks/{taskId}/result", Role.INVESTIGATOR, true, c -> {
            JsonNode body = body(c.ctx);
            c.auditParams.put("result", body.path("result").asText(null));
            return inspectionService().result(c.ctx.pathParam("taskId"), body);
        });
    }

    /** The web page's own routes: sign-in sessions, the public scan-check page, the dashboard and timelines. */
    private void webRoutes(JavalinConfig cfg) {
        route(cfg, "POST", "/session", null, false, this::signIn);
        route(cfg, "GET", "/session", Role.CONSUMER, false, c -> sessionView(c.key, sessions.touch(c.ctx.cookie(WebSessions.COOKIE))
                .filter(s -> s.keySha256().equals(c.key.sha256())).orElse(null)));
        route(cfg, "DELETE", "/session", Role.CONSUMER, true, c -> {
            sessions.close(c.ctx.cookie(WebSessions.COOKIE));
            c.ctx.cookie(sessionCookie(c.ctx, "", 0));
            return Map.of("signedOut", true);
        });
        route(cfg, "GET", "/verify/{code}", null, false, c -> {
            if (!verifyPages.allow(c.ctx.ip(), System.currentTimeMillis())) {
                throw new ApiException(429, "TOO_MANY_REQUESTS", "at most " + InspectionService.CODE_CHECKS_PER_MINUTE_DEFAULT
                        + " code checks per minute from one address; try again in a minute");
            }
            return new Raw(resource("verify.html"), "text/html; charset=utf-8");
        });
        route(cfg, "GET", "/dashboard", Role.CONSUMER, true, c -> dashboard.dashboard(c.seen));
        route(cfg, "GET", "/enterprises/{uscc}/timeline", Role.CONSUMER, true, c -> timeline(c));
    }

    /** The network view: the network around an enterprise, and one node expanded a page at a time. */
    private void networkRoutes(JavalinConfig cfg) {
        route(cfg, "GET", "/enterprises/{uscc}/network", Role.CONSUMER, true, c -> network.around(c.ctx.pathParam("uscc"),
                intParam(c.ctx, "hops", 2, 1, 3), NetworkService.parseTypes(c.ctx.queryParam("types")),
                intParam(c.ctx, "limit", NetworkService.AROUND_LIMIT_DEFAULT, 1, NetworkService.AROUND_LIMIT_MAX),
                intParam(c.ctx, "hubDegree", config.hubDegree(), 1, config.hubDegree()), c.fullPersons(), c.seen));
        route(cfg, "GET", "/network/expand", Role.CONSUMER, true, c -> network.expand(c.ctx.queryParam("node"),
                NetworkService.parseTypes(c.ctx.queryParam("types")), intParam(c.ctx, "offset", 0, 0, Integer.MAX_VALUE),
                intParam(c.ctx, "limit", NetworkService.PAGE_DEFAULT, 1, NetworkService.PAGE_MAX), c.fullPersons(), c.seen));
    }

    /** Saved investigations: investigators and admins, each their own; shared ones readable by the others. */
    private void investigationRoutes(JavalinConfig cfg) {
        route(cfg, "GET", "/investigations", Role.INVESTIGATOR, true, investigationRoutes::list);
        route(cfg, "POST", "/investigations", Role.INVESTIGATOR, true, c -> investigationRoutes.create(c, body(c.ctx)));
        route(cfg, "GET", "/investigations/{id}", Role.INVESTIGATOR, true, investigationRoutes::one);
        route(cfg, "PUT", "/investigations/{id}", Role.INVESTIGATOR, true, c -> investigationRoutes.update(c, body(c.ctx)));
        route(cfg, "DELETE", "/investigations/{id}", Role.INVESTIGATOR, true, investigationRoutes::delete);
    }

    private Object signIn(Call c) {
        Context ctx = c.ctx;
        if (!signIns.allow(ctx.ip(), System.currentTimeMillis())) {
            throw new ApiException(429, "TOO_MANY_REQUESTS", "at most " + SIGN_INS_PER_MINUTE + " sign-ins per minute from one address");
        }
        // a cross-site form cannot send JSON without a CORS preflight, which this server never grants
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw ApiException.badRequest("INVALID_BODY", "send the key as JSON: {\"apiKey\": \"rg_...\"} with Content-Type: application/json");
        }
        checkSameOrigin(ctx);
        JsonNode body = body(ctx);
        if (!body.path("apiKey").isTextual() || body.get("apiKey").asText().isBlank()) {
            throw ApiException.badRequest("INVALID_BODY", "send {\"apiKey\": \"rg_...\"}");
        }
        ApiKeys.Key key = keys.authenticate(body.get("apiKey").asText()).orElse(null);
        if (key == null) throw new ApiException(401, "UNAUTHORIZED", "unknown or revoked API key; ask an admin for a key");
        c.auditAs = key;
        WebSessions.Session s = sessions.open(key.sha256());
        ctx.cookie(sessionCookie(ctx, s.id(), (int) sessions.maxAge().toSeconds()));
        return sessionView(key, s);
    }

    private Map<String, Object> sessionView(ApiKeys.Key key, WebSessions.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", key.name());
        m.put("role", key.role().lower());
        m.put("fullPersons", key.role().seesFullPersons());
        m.put("csrfToken", s == null ? null : s.csrfToken());
        m.put("expiresAt", s == null ? null : sessions.expires(s).toString());
        return m;
    }

    private static io.javalin.http.Cookie sessionCookie(Context ctx, String value, int maxAgeSeconds) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return new io.javalin.http.Cookie(WebSessions.COOKIE, value, "/", maxAgeSeconds, https, true, null,
                io.javalin.http.SameSite.STRICT);
    }

    /** Refuses a request whose Origin (when the browser sends one) is not this server. */
    private static void checkSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) return;
        String host = ctx.header("Host");
        if (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
            throw new ApiException(403, "CROSS_ORIGIN", "requests from another origin (" + origin + ") are refused");
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        String p = ctx.path();
        if (!p.startsWith("/webjars/") && !p.startsWith("/js/") && !p.startsWith("/css/")) ctx.header("Cache-Control", "no-store");
    }

    private Object timeline(Call c) {
        Set<String> kinds = csv(c.ctx.queryParam("kinds")).stream().collect(Collectors.toCollection(LinkedHashSet::new));
        for (String k : kinds) {
            if (!TIMELINE_KINDS.contains(k)) {
                throw ApiException.badRequest("INVALID_PARAMETER", "kinds: '" + k + "' is not an event kind; use any of "
                        + String.join(", ", TIMELINE_KINDS));
            }
        }
        LocalDate from = date(c.ctx.queryParam("from"), "from");
        LocalDate to = date(c.ctx.queryParam("to"), "to");
        Map<String, Object> profile = entities.profile(entities.enterprise(c.ctx.pathParam("uscc")), c.fullPersons(), c.seen);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) profile.get("timeline");
        Map<String, Long> counts = new TreeMap<>();
        List<Map<String, Object>> events = new ArrayList<>();
        for (Map<String, Object> e : all) {
            String kind = String.valueOf(e.get("kind"));
            counts.merge(kind, 1L, Long::sum);
            String day = String.valueOf(e.get("date"));
            day = day.length() >= 10 ? day.substring(0, 10) : day;
            if (!kinds.isEmpty() && !kinds.contains(kind)) continue;
            if (from != null && day.compareTo(from.toString()) < 0) continue;
            if (to != null && day.compareTo(to.toString()) > 0) continue;
            events.add(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uscc", profile.get("uscc"));
        out.put("kinds", kinds.isEmpty() ? TIMELINE_KINDS : List.copyOf(kinds));
        out.put("counts", counts);
        out.put("events", events);
        return out;
    }

    /** The kinds of event on an enterprise's timeline. */
    static final List<String> TIMELINE_KINDS = List.of("Inspection", "Sample", "Penalty", "Complaint", "CourtRecord", "Alert");

    private static LocalDate date(String s, String name) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " must be a date such as 2026-01-31, got '" + s + "'");
        }
    }

    private static String resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(WEB_RESOURCES + "/" + name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the web module");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private InspectionService inspectionService() {
        InspectionService s = inspections;
        if (s == null) throw new ApiException(503, "PLANNING_UNAVAILABLE", "inspection planning is not enabled on this server");
        return s;
    }

    // ---- the wrapper every route goes through -----------------------------------------------------------------

    /**
     * Registers a route. Every request to it leaves one audit line; {@code audited} only documents that the route
     * reads entity data (the line then lists the entities returned).
     */
    private void route(JavalinConfig cfg, String method, String path, Role role, boolean audited, Endpoint endpoint) {
        routes.add(new RouteInfo(method, path, role));
        Handler h = ctx -> handle(ctx, method, path, role, audited, endpoint);
        switch (method) {
            case "GET" -> cfg.routes.get(path, h);
            case "POST" -> cfg.routes.post(path, h);
            case "PUT" -> cfg.routes.put(path, h);
            case "DELETE" -> cfg.routes.delete(path, h);
            default -> throw new IllegalArgumentException(method);
        }
    }

    private void handle(Context ctx, String method, String path, Role role, boolean audited, Endpoint endpoint) {
        long t0 = System.nanoTime();
        ApiKeys.Key key = null;
        Call call = null;
        int status;
        try {
            checkSize(ctx);
            if (role != null) {
                key = authenticate(ctx);
                if (!key.role().includes(role)) {
                    throw new ApiException(403, "FORBIDDEN", "this needs the " + role.lower() + " role (or above); the key '"
                            + key.name() + "' has the " + key.role().lower() + " role");
                }
            }
            call = new Call(ctx, key);
            if (role == null) call.auditAs = presentedKey(ctx);
            Object result = endpoint.handle(call);
            if (result instanceof Raw raw) {
                ctx.contentType(raw.contentType()).result(raw.body());
            } else {
                ctx.contentType("application/json; charset=utf-8").result(Json.write(result));
            }
            status = ctx.statusCode();
        } catch (Exception e) {
            ApiException a = toApi(e);
            status = a.status();
            ctx.status(status).contentType("application/json; charset=utf-8")
                    .result(Json.write(Map.of("code", a.code(), "message", String.valueOf(a.getMessage()))));
        }
        metrics.record(method, path, status, (System.nanoTime() - t0) / 1e9);
        // every request leaves one line: refused ones, public routes and unknown callers too
        ApiKeys.Key who = key != null ? key : call == null ? null : call.auditAs;
        Map<String, Object> params = new TreeMap<>();
        ctx.pathParamMap().forEach(params::put);
        ctx.queryParamMap().forEach((k, v) -> params.put(k, v.size() == 1 ? v.getFirst() : v));
        if (call != null) params.putAll(call.auditParams);
        audit.append(new AuditLog.Entry(Instant.now(), who == null ? "-" : who.name(), who == null ? "anonymous"
                : who.role().lower(), method, path, ctx.path(), params, status, call == null ? List.of() : new ArrayList<>(call.seen)));
    }

    /** 414 for a long query string, 413 for a body declared larger than the limit (a chunked one: while read). */
    private void checkSize(Context ctx) {
        String q = ctx.queryString();
        if (q != null && q.length() > limits.maxQueryChars()) {
            throw new ApiException(414, "QUERY_TOO_LONG", "the query string has " + q.length() + " characters; at most "
                    + limits.maxQueryChars());
        }
        long declared = ctx.contentLength();
        if (declared > limits.maxBodyBytes()) throw bodyTooLarge();
    }

    private ApiException bodyTooLarge() {
        return new ApiException(413, "BODY_TOO_LARGE", "the request body is larger than " + limits.maxBodyBytes() + " bytes");
    }

    static ApiException toApi(Exception e) {
        return switch (e) {
            case ApiException a -> a;
            case io.javalin.http.HttpResponseException h when h.getStatus() == 413 ->
                    new ApiException(413, "BODY_TOO_LARGE", "the request body is too large");
            case QueryRefusedException r -> new ApiException(400, "QUERY_REFUSED", r.getMessage());
            case QueryTimeoutException t -> new ApiException(408, "QUERY_TIMEOUT", t.getMessage());
            case IllegalArgumentException i -> new ApiException(400, "BAD_REQUEST", i.getMessage());
            case Backend.Unsupported u -> new ApiException(501, "NOT_ON_THIS_BACKEND", u.getMessage());
            case GraphStoreException g -> new ApiException(503, "STORE_UNAVAILABLE", "the graph store failed: " + g.getMessage());
            default -> new ApiException(500, "INTERNAL", e.getClass().getSimpleName() + ": " + e.getMessage());
        };
    }

    /** On a public route, the valid key a caller sent in a header anyway (for the audit line), else null. */
    private ApiKeys.Key presentedKey(Context ctx) {
        String secret = ctx.header("X-API-Key");
        String auth = ctx.header("Authorization");
        if (secret == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) secret = auth.substring(7).strip();
        return secret == null || secret.isBlank() ? null : keys.authenticate(secret).orElse(null);
    }

    private ApiKeys.Key authenticate(Context ctx) {
        String secret = ctx.header("X-API-Key");
        String auth = ctx.header("Authorization");
        String sessionId = ctx.cookie(WebSessions.COOKIE);
        if (secret == null && auth == null && sessionId != null && !sessionId.isEmpty()) return sessionKey(ctx, sessionId);
        if (secret == null && auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, "UNAUTHORIZED", "the Authorization header must be 'Bearer KEY'");
            }
            secret = auth.substring(7).strip();
        }
        if (secret == null || secret.isBlank()) {
            throw new ApiException(401, "UNAUTHORIZED", "no API key: send 'Authorization: Bearer KEY' or 'X-API-Key: KEY' "
                    + "(an admin makes keys with 'riskgraph keys create --role R --name N')");
        }
        return keys.authenticate(secret).orElseThrow(() -> new ApiException(401, "UNAUTHORIZED",
                "unknown or revoked API key; ask an admin for a key"));
    }

    /**
     * The key behind a web session: the session must be live and its key still active; a state-changing request
     * must also carry the session's CSRF token and come from this origin.
     */
    private ApiKeys.Key sessionKey(Context ctx, String sessionId) {
        WebSessions.Session s = sessions.touch(sessionId).orElseThrow(() -> new ApiException(401, "UNAUTHORIZED",
                "the session has ended (signed out, idle for " + WebSessions.IDLE_DEFAULT.toMinutes() + " minutes, or older than "
                        + WebSessions.MAX_AGE_DEFAULT.toHours() + " hours); sign in again"));
        ApiKeys.Key key = keys.activeByHash(s.keySha256()).orElse(null);
        if (key == null) {
            sessions.close(sessionId);
            throw new ApiException(401, "UNAUTHORIZED", "the key of this session was revoked; ask an admin for a key");
        }
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            String token = ctx.header(WebSessions.CSRF_HEADER);
            if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.US_ASCII),
                    s.csrfToken().getBytes(StandardCharsets.US_ASCII))) {
                throw new ApiException(403, "CSRF_TOKEN", "a change from a signed-in page must carry the session's "
                        + WebSessions.CSRF_HEADER + " header (GET /session gives it)");
            }
            checkSameOrigin(ctx);
        }
        return key;
    }

    // ---- endpoints ---------------------------------------------------------------------------------------------

    /**
     * Up or down for anyone (200 {"status":"ok"} or 503 {"status":"down"}: no paths, no counts, no errors); the
     * store, counts, index and snapshot details only for a caller who sends an admin's key (a key that is sent must
     * be valid: 401 otherwise).
     */
    private Object health(Call c) {
        Context ctx = c.ctx;
        boolean credentials = ctx.header("X-API-Key") != null || ctx.header("Authorization") != null
                || (ctx.cookie(WebSessions.COOKIE) != null && !ctx.cookie(WebSessions.COOKIE).isEmpty());
        ApiKeys.Key caller = credentials ? authenticate(ctx) : null;
        c.auditAs = caller;
        boolean details = caller != null && caller.role().includes(Role.ADMIN);
        Map<String, Object> out = new LinkedHashMap<>();
        GraphCounts counts = null;
        RuntimeException failure = null;
        try {
            counts = store.counts();
        } catch (RuntimeException e) {
            failure = e;
        }
        out.put("status", failure == null ? "ok" : "down");
        if (failure != null) ctx.status(503);
        if (!details) return out;
        if (failure == null) {
            out.put("store", Map.of("up", true, "where", storeDescription, "nodes", counts.nodesByLabel(),
                    "relationships", counts.relationshipsByType()));
        } else {
            out.put("store", Map.of("up", false, "where", storeDescription, "error", String.valueOf(failure.getMessage())));
        }
        out.put("searchIndex", Map.of("documents", index.size(), "where", index.where()));
        RelationSnapshot snapshot = snapshots == null ? null : snapshots.current();
        if (snapshot != null) {
            out.put("relationSnapshot", Map.of("nodes", snapshot.nodeCount(), "relationships", snapshot.relationshipCount(),
                    "builtAt", snapshot.builtAt().toString(), "buildMillis", snapshot.buildMillis(),
                    "storeVersion", snapshot.storeVersion(), "heapMiB", snapshot.heapBytes() >> 20));
        }
        out.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
        return out;
    }

    private Object search(Call c) {
        String q = c.ctx.queryParam("q");
        if (q == null || q.isBlank()) throw ApiException.badRequest("MISSING_PARAMETER", "'q' is required: a name, USCC, address, phone or pinyin");
        int limit = intParam(c.ctx, "limit", 20, 1, 100);
        List<Map<String, Object>> hits = new ArrayList<>();
        String folded = SearchIndex.fold(q);
        for (SearchIndex.Hit h : index.search(q, limit)) {
            Map<String, Object> m = SearchIndex.describe(h);
            m.put("exact", h.key().equalsIgnoreCase(q.strip()) || SearchIndex.fold(h.name()).equals(folded));
            c.seen.add(h.key());
            if (h.type().equals("person") && !c.fullPersons()) {
                m.put("key", Views.pseudonym(h.key()));
                m.put("name", Views.maskName(h.name()));
                m.put("address", null);
                m.put("masked", true);
            }
            hits.add(m);
        }
        return Map.of("q", q, "count", hits.size(), "hits", hits);
    }

    private Object runCypher(Call c, String statement, Map<String, Object> params, JsonNode body) {
        return runQuery(c, backend.cypher(), statement, params, body);
    }

    /** One read-only statement in the runner's language, with the request's limits within the server's. */
    private Object runQuery(Call c, ReadOnlyQueries runner, String statement, Map<String, Object> params, JsonNode body) {
        int maxSeconds = (int) config.cypherTimeout().toSeconds();
        int timeout = body.has("timeoutSeconds") ? bounded(body.get("timeoutSeconds"), "timeoutSeconds", 1, maxSeconds) : maxSeconds;
        int maxRows = body.has("maxRows") ? bounded(body.get("maxRows"), "maxRows", 1, config.cypherMaxRows()) : config.cypherMaxRows();
        QueryResult r = runner.run(statement, params, new QueryLimits(Duration.ofSeconds(timeout), maxRows));
        if (r.truncated()) {
            throw new ApiException(413, "RESULT_TOO_LARGE", "the statement returns more than " + maxRows
                    + " rows; add a LIMIT, narrow it, or page with SKIP/LIMIT (server maximum " + config.cypherMaxRows() + " rows)");
        }
        Object rows = c.fullPersons() ? r.rows() : Views.maskPlain(r.rows());
        collectIds(r.rows(), c.seen);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columns", r.columns());
        out.put("rows", rows);
        out.put("rowCount", r.rows().size());
        out.put("elapsedMs", r.elapsed().toMillis());
        return out;
    }

    private static void collectIds(Object o, Collection<String> seen) {
        if (o instanceof Map<?, ?> m) {
            for (String k : List.of("uscc", "person_id")) if (m.get(k) instanceof String s) seen.add(s);
            m.values().forEach(v -> collectIds(v, seen));
        } else if (o instanceof List<?> l) {
            l.forEach(v -> collectIds(v, seen));
        } else if (o instanceof String s && s.length() == Uscc.LENGTH && Uscc.check(s).isValid()) {
            seen.add(s);
        }
    }

    /**
     * Re-reads the given enterprises and persons from the store into the search index, and the relation snapshot
     * whole; returns how many were indexed.
     */
    public int reindex(Collection<String> usccs, Collection<String> personIds) {
        List<GraphReads.Searchable> found = new ArrayList<>();
        reads.searchables(new ArrayList<>(usccs), new ArrayList<>(personIds), found::add);
        Set<String> removed = new HashSet<>();
        usccs.forEach(u -> removed.add("enterprise:" + u));
        personIds.forEach(p -> removed.add("person:" + p));
        found.forEach(s -> removed.remove(s.type() + ":" + s.key()));
        index.update(found, removed);
        if (snapshots != null) snapshots.rebuild();
        return found.size();
    }

    /** Rebuilds the whole search index and the relation snapshot from the store; returns the number of documents. */
    public int reindexAll() {
        List<GraphReads.Searchable> all = new ArrayList<>();
        reads.searchables(null, null, all::add);
        int n = index.rebuild(all);
        if (snapshots != null) snapshots.rebuild();
        return n;
    }

    // ---- parameters --------------------------------------------------------------------------------------------

    static EntityService.RelatedQuery relatedQuery(Context ctx, int hubDegreeMax) {
        int hops = intParam(ctx, "hops", 2, 1, 3);
        Set<String> types = csv(ctx.queryParam("types")).stream().map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String t : types) {
            if (!EntityService.RELATION_TYPES.contains(t)) {
                throw ApiException.badRequest("INVALID_PARAMETER", "types: '" + t + "' is not a relation type; use any of "
                        + String.join(", ", new java.util.TreeSet<>(EntityService.RELATION_TYPES)));
            }
        }
        Double minShare = null;
        String ms = ctx.queryParam("minShare");
        if (ms != null && !ms.isBlank()) {
            try {
                minShare = Double.parseDouble(ms);
            } catch (NumberFormatException e) {
                minShare = Double.NaN;
            }
            if (!(minShare >= 0 && minShare <= 1)) {
                throw ApiException.badRequest("INVALID_PARAMETER", "minShare must be a fraction between 0 and 1, got '" + ms + "'");
            }
        }
        Set<String> segments = csv(ctx.queryParam("segments")).stream().map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        return new EntityService.RelatedQuery(hops, types, minShare, segments, intParam(ctx, "page", 1, 1, 100_000),
                intParam(ctx, "size", 50, 1, 200), intParam(ctx, "hubDegree", hubDegreeMax, 1, hubDegreeMax));
    }

    private static List<String> csv(String s) {
        if (s == null || s.isBlank()) return List.of();
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int i = Integer.parseInt(v.strip());
            if (i >= min && i <= max) return i;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("INVALID_PARAMETER", name + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }

    private static int bounded(JsonNode n, String name, int min, int max) {
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " must be a whole number from " + min + " to " + max + ", got " + n);
        }
        return n.asInt();
    }

    private static Instant instant(String s, String name) {
        if (s == null || s.isBlank()) return null;
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", name + " must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z), got '" + s + "'");
        }
    }

    private JsonNode body(Context ctx) {
        String b;
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBodyBytes() + 1));
            if (bytes.length > limits.maxBodyBytes()) throw bodyTooLarge();
            b = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.badRequest("INVALID_BODY", "the request body could not be read: " + e.getMessage());
        }
        return parseBody(b, limits.maxJsonDepth());
    }

    private static final Map<Integer, com.fasterxml.jackson.core.JsonFactory> BODY_FACTORIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static com.fasterxml.jackson.core.JsonFactory bodyFactory(int maxDepth) {
        return BODY_FACTORIES.computeIfAbsent(maxDepth, d -> com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(d).build())
                .build());
    }

    /** A request body as a JSON object: at most {@code maxDepth} levels deep, else 400. */
    static JsonNode parseBody(String b, int maxDepth) {
        if (b == null || b.isBlank()) return Json.MAPPER.createObjectNode();
        try {
            JsonNode n;
            try (com.fasterxml.jackson.core.JsonParser p = bodyFactory(maxDepth).createParser(b)) {
                n = Json.MAPPER.readTree(p);
            }
            if (n == null || !n.isObject()) throw ApiException.badRequest("INVALID_JSON", "the body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw ApiException.badRequest("INVALID_JSON", "the body is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static Map<String, Object> toMap(JsonNode n, String what) {
        if (n == null || n.isNull()) return Map.of();
        if (!n.isObject()) throw ApiException.badRequest("INVALID_PARAMETER", what + " must be a JSON object of name: value");
        return Json.MAPPER.convertValue(n, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static List<String> strings(JsonNode n) {
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) throw ApiException.badRequest("INVALID_PARAMETER", "usccs and personIds must be arrays of strings");
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    static String openApi() {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("openapi.json is missing from the jar", e);
        }
    }
}
