package io.riskgraph.cypher;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;

import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.QueryRefusedException;
import io.riskgraph.query.QueryResult;
import io.riskgraph.query.QueryTimeoutException;
import io.riskgraph.query.ReadOnlyQueries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one analyst statement read-only: checked by {@link CypherGuard} (its words, then the server's plan of it,
 * EXPLAIN) and refused unless it only reads this graph, runs no command, loads no files and calls no procedure
 * outside a small allow-list; then run in a read transaction with a server-side time limit and a row limit. Parameters only: the statement text is never assembled from values.
 */
public final class ReadOnlyQueryRunner implements ReadOnlyQueries {
    public static final int TIMEOUT_SECONDS_DEFAULT = ReadOnlyQueries.TIMEOUT_SECONDS_DEFAULT;
    public static final Duration TIMEOUT_DEFAULT = Duration.ofSeconds(TIMEOUT_SECONDS_DEFAULT);
    public static final int MAX_ROWS_DEFAULT = ReadOnlyQueries.MAX_ROWS_DEFAULT;
    /** Procedures that only describe the schema ({@link CypherGuard#ALLOWED_PROCEDURES}). */
    public static final Set<String> ALLOWED_PROCEDURES = CypherGuard.ALLOWED_PROCEDURES;

    private final Driver driver;

    public ReadOnlyQueryRunner(Driver driver) {
        this.driver = driver;
    }

    @Override
    public String language() { return "Cypher"; }

    @Override
    public QueryResult run(String statement, Map<String, Object> params, QueryLimits limits) {
        CypherGuard.checkText(statement);
        long started = System.nanoTime();
        Map<String, Object> driverParams = new LinkedHashMap<>();
        params.forEach((k, v) -> driverParams.put(k, Neo4jGraphStore.toDriver(v)));
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(
                org.neo4j.driver.AccessMode.READ).withFetchSize(Math.min(limits.maxRows() + 1, 10_000)).build())) {
            TransactionConfig tx = TransactionConfig.builder().withTimeout(limits.timeout()).build();
            ResultSummary plan = session.executeRead(t -> t.run("EXPLAIN " + statement, driverParams).consume(), tx);
            refuseUnlessReadOnly(plan);
            return session.executeRead(t -> {
                Result result = t.run(statement, driverParams);
                List<String> columns = result.keys();
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() == limits.maxRows()) {
                        truncated = true;
                        break;
                    }
                    Record r = result.next();
                    List<Object> row = new ArrayList<>(r.size());
                    for (Value v : r.values()) row.add(plain(v));
                    rows.add(row);
                }
                return new QueryResult(columns, rows, truncated, Duration.ofNanos(System.nanoTime() - started));
            }, tx);
        } catch (ClientException e) {
            String code = String.valueOf(e.code());
            if (code.contains("TransactionTimedOut") || code.contains("TransactionMarkedAsFailed")
                    && String.valueOf(e.getMessage()).contains("timeout")) {
                throw new QueryTimeoutException("the statement ran longer than " + limits.timeout().toSeconds()
                        + " s and was stopped; narrow it (a label, a LIMIT, fewer hops)");
            }
            if (code.contains("Forbidden") || code.contains("WriteOnReadOnlyAccess")
                    || String.valueOf(e.getMessage()).contains("read access mode")) {
                throw new QueryRefusedException("the statement would write; only reads are allowed here");
            }
            throw new QueryRefusedException(firstLine(e.getMessage()));
        } catch (Neo4jException e) {
            if (String.valueOf(e.code()).contains("TransactionTimedOut")) {
                throw new QueryTimeoutException("the statement ran longer than " + limits.timeout().toSeconds()
                        + " s and was stopped; narrow it (a label, a LIMIT, fewer hops)");
            }
            throw e;
        }
    }

    /** The plan half of the guard: the query type must be read-only, the operators pass {@link CypherGuard#checkPlan}. */
    static void refuseUnlessReadOnly(ResultSummary explain) {
        if (explain.queryType() != QueryType.READ_ONLY) {
            throw new QueryRefusedException("the statement would " + switch (explain.queryType()) {
                case SCHEMA_WRITE -> "change the schema";
                default -> "write";
            } + "; only reads are allowed here");
        }
        if (explain.hasPlan()) CypherGuard.checkPlan(explain.plan());
    }

    /** Driver values as plain Java: nodes and relationships become maps with their ids, labels or type. */
    static Object plain(Value v) {
        Object o = v.asObject();
        return plainObject(o);
    }

    private static Object plainObject(Object o) {
        if (o instanceof Node n) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("_id", n.elementId());
            List<String> labels = new ArrayList<>();
            n.labels().forEach(labels::add);
            m.put("_labels", labels);
            n.asMap().forEach((k, val) -> m.put(k, plainObject(val)));
            return m;
        }
        if (o instanceof Relationship r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("_id", r.elementId());
            m.put("_type", r.type());
            m.put("_start", r.startNodeElementId());
            m.put("_end", r.endNodeElementId());
            r.asMap().forEach((k, val) -> m.put(k, plainObject(val)));
            return m;
        }
        if (o instanceof Path p) {
            List<Object> steps = new ArrayList<>();
            for (Path.Segment s : p) {
                if (steps.isEmpty()) steps.add(plainObject(s.start()));
                steps.add(plainObject(s.relationship()));
                steps.add(plainObject(s.end()));
            }
            if (steps.isEmpty()) steps.add(plainObject(p.start()));
            return steps;
        }
        if (o instanceof List<?> l) return l.stream().map(ReadOnlyQueryRunner::plainObject).toList();
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), plainObject(val)));
            return out;
        }
        return o;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
