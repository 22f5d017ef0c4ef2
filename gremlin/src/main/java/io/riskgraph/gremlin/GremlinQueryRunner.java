package io.riskgraph.gremlin;

import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.QueryRefusedException;
import io.riskgraph.query.QueryResult;
import io.riskgraph.query.QueryTimeoutException;
import io.riskgraph.query.ReadOnlyQueries;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinAntlrToJava;
import org.apache.tinkerpop.gremlin.language.grammar.VariableResolver;
import org.apache.tinkerpop.gremlin.process.traversal.Path;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.verification.ReadOnlyStrategy;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Property;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one analyst traversal read-only: {@link GremlinGuard} checks its text and steps, then it is built locally
 * (GremlinAntlrToJava, parameters bound as variables) on a source with {@code ReadOnlyStrategy} and the server-side
 * {@code evaluationTimeout}, capped at the row limit plus one, and sent through the driver. Maps with string keys
 * become rows with a column per key (as Cypher's RETURN a, b); anything else one column {@code result}; vertices,
 * edges and paths become maps and lists as in /cypher.
 */
public final class GremlinQueryRunner implements ReadOnlyQueries {
    private final GraphTraversalSource g;
    private final GremlinValues values;

    public GremlinQueryRunner(GraphTraversalSource g) {
        this.g = g;
        this.values = GremlinValues.of(g);
    }

    @Override
    public String language() { return "Gremlin"; }

    @Override
    public QueryResult run(String statement, Map<String, Object> params, QueryLimits limits) {
        GremlinGuard.check(statement);
        long started = System.nanoTime();
        GraphTraversalSource source = g.withStrategies(ReadOnlyStrategy.instance())
                .with("evaluationTimeout", limits.timeout().toMillis());
        Map<String, Object> bound = new LinkedHashMap<>();
        params.forEach((k, v) -> bound.put(k, parameter(v)));
        Object built;
        try {
            built = org.apache.tinkerpop.gremlin.language.grammar.GremlinQueryParser.parse(statement,
                    new GremlinAntlrToJava(source, new VariableResolver.DefaultVariableResolver(bound)));
        } catch (QueryRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new QueryRefusedException("the traversal cannot be built: " + GremlinGraphStore.message(e));
        }
        if (!(built instanceof GraphTraversal<?, ?> traversal)) {
            throw new QueryRefusedException("only a traversal can run here, e.g. g.V().hasLabel('Enterprise').limit(10)");
        }
        GremlinGuard.checkSteps(traversal.asAdmin());
        @SuppressWarnings("unchecked")
        GraphTraversal<Object, Object> capped = (GraphTraversal<Object, Object>) traversal;
        capped.limit(limits.maxRows() + 1L);
        List<Object> results;
        try {
            CompletableFuture<List<Object>> f = capped.promise(Traversal::toList);
            results = f.get(limits.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw timedOut(limits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(limits);
        } catch (ExecutionException e) {
            String why = GremlinGraphStore.message(e.getCause() == null ? e : e.getCause());
            String lower = why.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("timeout") || lower.contains("timed out") || lower.contains("exceeded")) throw timedOut(limits);
            if (lower.contains("read only") || lower.contains("readonly") || lower.contains("mutating")) {
                throw new QueryRefusedException("the traversal would write; only reads are allowed here");
            }
            throw new QueryRefusedException(why);
        }
        boolean truncated = results.size() > limits.maxRows();
        if (truncated) results = results.subList(0, limits.maxRows());
        return table(results, truncated, Duration.ofNanos(System.nanoTime() - started), values);
    }

    private static QueryTimeoutException timedOut(QueryLimits limits) {
        return new QueryTimeoutException("the traversal ran longer than " + limits.timeout().toSeconds()
                + " s and was stopped; narrow it (a label, a limit(), fewer hops)");
    }

    /** A parameter as the stored values are ({@link GremlinValues}); a list stays a list (for within()) of such values. */
    Object parameter(Object v) {
        if (v instanceof java.util.Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) out.add(values.write(o));
            return out;
        }
        return values.write(v);
    }

    static QueryResult table(List<Object> results, boolean truncated, Duration elapsed, GremlinValues values) {
        boolean maps = !results.isEmpty();
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        for (Object r : results) {
            if (r instanceof Map<?, ?> m && !m.isEmpty()) {
                for (Object k : m.keySet()) columns.add(key(k));
            } else {
                maps = false;
                break;
            }
        }
        List<List<Object>> rows = new ArrayList<>(results.size());
        if (maps) {
            for (Object r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                ((Map<?, ?>) r).forEach((k, v) -> m.put(key(k), plain(v, values)));
                List<Object> row = new ArrayList<>(columns.size());
                for (String c : columns) row.add(m.get(c));
                rows.add(row);
            }
            return new QueryResult(List.copyOf(columns), rows, truncated, elapsed);
        }
        for (Object r : results) rows.add(java.util.Collections.singletonList(plain(r, values)));
        return new QueryResult(List.of("result"), rows, truncated, elapsed);
    }

    private static String key(Object k) {
        return k instanceof T t ? t.getAccessor() : String.valueOf(k);
    }

    /** Graph elements as plain maps (id, labels or type, properties), lists and maps recursively. */
    static Object plain(Object o, GremlinValues values) {
        if (o instanceof Vertex v) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("_id", String.valueOf(v.id()));
            m.put("_labels", List.of(v.label()));
            Iterator<VertexProperty<Object>> it = v.properties();
            while (it.hasNext()) {
                VertexProperty<Object> p = it.next();
                if (!p.key().equals(GremlinGraphStore.UID)) m.put(p.key(), plain(p.value(), values));
            }
            return m;
        }
        if (o instanceof Edge e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("_id", String.valueOf(e.id()));
            m.put("_type", e.label());
            m.put("_start", String.valueOf(e.outVertex().id()));
            m.put("_end", String.valueOf(e.inVertex().id()));
            Iterator<Property<Object>> it = e.properties();
            while (it.hasNext()) {
                Property<Object> p = it.next();
                m.put(p.key(), plain(p.value(), values));
            }
            return m;
        }
        if (o instanceof Path p) {
            List<Object> out = new ArrayList<>();
            for (Object step : p) out.add(plain(step, values));
            return out;
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!GremlinGraphStore.UID.equals(k)) out.put(key(k), plain(v, values));
            });
            return out;
        }
        if (o instanceof Iterable<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(plain(x, values));
            return out;
        }
        if (o instanceof Enum<?> e) return e.name();
        return values.read(o);
    }
}
