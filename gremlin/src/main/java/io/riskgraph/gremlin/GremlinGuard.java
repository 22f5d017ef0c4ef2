package io.riskgraph.gremlin;

import io.riskgraph.query.QueryRefusedException;
import io.riskgraph.shaded.antlr.v4.runtime.BaseErrorListener;
import io.riskgraph.shaded.antlr.v4.runtime.CharStreams;
import io.riskgraph.shaded.antlr.v4.runtime.CommonTokenStream;
import io.riskgraph.shaded.antlr.v4.runtime.ParserRuleContext;
import io.riskgraph.shaded.antlr.v4.runtime.RecognitionException;
import io.riskgraph.shaded.antlr.v4.runtime.Recognizer;
import io.riskgraph.shaded.antlr.v4.runtime.tree.ParseTree;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinLexer;
import org.apache.tinkerpop.gremlin.language.grammar.GremlinParser;
import org.apache.tinkerpop.gremlin.process.traversal.Step;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.step.LambdaHolder;
import org.apache.tinkerpop.gremlin.process.traversal.step.Mutating;
import org.apache.tinkerpop.gremlin.process.traversal.step.TraversalParent;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.CallStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.sideEffect.IoStep;
import org.apache.tinkerpop.gremlin.process.traversal.step.sideEffect.SubgraphStep;

import java.util.Set;

/**
 * Checks one analyst traversal before anything runs: parsed locally with the gremlin-lang grammar (the same one the
 * server uses; Groovy and lambdas are not part of it, so a closure does not parse), the whole tree walked (nested
 * anonymous traversals too) and refused, with a message that names the step, for source settings and strategy
 * changes (every {@code g.with*}), transactions, {@code io}, {@code call}, writes ({@code addV}, {@code addE},
 * {@code mergeV}, {@code mergeE}, {@code property}, {@code drop}), {@code subgraph}, {@code read}/{@code write} and
 * terminal steps (the rows come back anyway). {@link #checkSteps} then walks the built traversal's steps as a second
 * line; the server runs it with {@code ReadOnlyStrategy} as a third.
 */
public final class GremlinGuard {
    private static final Set<String> WRITES = Set.of("addV", "addE", "mergeV", "mergeE", "property", "drop");
    private static final Set<String> OTHERS = Set.of("io", "call", "subgraph", "read", "write");

    private GremlinGuard() {}

    /** The parse tree of one traversal; refused unless it only reads. */
    public static GremlinParser.QueryListContext check(String text) {
        if (text == null || text.isBlank()) throw new QueryRefusedException("the traversal is empty");
        GremlinLexer lexer = new GremlinLexer(CharStreams.fromString(text));
        GremlinParser parser = new GremlinParser(new CommonTokenStream(lexer));
        BaseErrorListener fail = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg, RecognitionException e) {
                throw new QueryRefusedException("the traversal does not parse at line " + line + ", column " + (col + 1)
                        + ": " + msg + " (Gremlin here is the gremlin-lang subset: no Groovy, no lambdas, no variables "
                        + "other than parameters)");
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(fail);
        parser.removeErrorListeners();
        parser.addErrorListener(fail);
        GremlinParser.QueryListContext list = parser.queryList();
        int queries = 0;
        for (ParseTree child : children(list)) if (child instanceof GremlinParser.QueryContext) queries++;
        if (queries != 1) throw new QueryRefusedException("one traversal at a time, got " + queries);
        GremlinParser.QueryContext q = list.getRuleContext(GremlinParser.QueryContext.class, 0);
        if (q.transactionPart() != null) throw new QueryRefusedException("transactions (g.tx()) are not allowed here: only reads run");
        if (q.rootTraversal() == null) {
            throw new QueryRefusedException("only a traversal can run here, e.g. g.V().hasLabel('Enterprise').limit(10)");
        }
        walk(list);
        return list;
    }

    private static Iterable<ParseTree> children(ParseTree t) {
        java.util.List<ParseTree> out = new java.util.ArrayList<>();
        for (int i = 0; i < t.getChildCount(); i++) out.add(t.getChild(i));
        return out;
    }

    private static void walk(ParseTree t) {
        if (t instanceof ParserRuleContext ctx) refuse(ctx);
        for (int i = 0; i < t.getChildCount(); i++) walk(t.getChild(i));
    }

    private static void refuse(ParserRuleContext ctx) {
        String rule = ctx.getClass().getSimpleName();
        if (!rule.endsWith("Context")) return;
        rule = rule.substring(0, rule.length() - "Context".length());
        if (rule.startsWith("TraversalSourceSelfMethod_")) {
            throw new QueryRefusedException("g." + step(rule, "TraversalSourceSelfMethod_") + "(...) is not allowed here: "
                    + "strategies and source settings are fixed (read-only, with a time limit)");
        }
        if (rule.startsWith("TraversalTerminalMethod_")) {
            throw new QueryRefusedException("leave out ." + step(rule, "TraversalTerminalMethod_") + "(): every result "
                    + "comes back as rows");
        }
        if (rule.startsWith("Transaction") || rule.contains("Tx")) {
            throw new QueryRefusedException("transactions (g.tx()) are not allowed here: only reads run");
        }
        String name = null;
        if (rule.startsWith("TraversalSourceSpawnMethod_")) name = step(rule, "TraversalSourceSpawnMethod_");
        else if (rule.startsWith("TraversalMethod_")) name = step(rule, "TraversalMethod_");
        if (name == null) return;
        if (WRITES.contains(name)) {
            throw new QueryRefusedException(name + "() writes; only reads are allowed here");
        }
        if (OTHERS.contains(name)) {
            throw new QueryRefusedException(name + "() is not allowed here" + switch (name) {
                case "io", "read", "write" -> ": files are loaded with 'riskgraph ingest'";
                case "call" -> ": no service calls";
                default -> ": only reads of this graph";
            });
        }
    }

    /** TraversalMethod_property_Object -> property; TraversalMethod_propertyMap -> propertyMap. */
    private static String step(String rule, String prefix) {
        String rest = rule.substring(prefix.length());
        int u = rest.indexOf('_');
        return u < 0 ? rest : rest.substring(0, u);
    }

    /** The second line: the built traversal's steps, nested ones too. */
    public static void checkSteps(Traversal.Admin<?, ?> traversal) {
        for (Step<?, ?> step : traversal.getSteps()) {
            String name = step.getClass().getSimpleName();
            if (step instanceof Mutating<?>) throw new QueryRefusedException(name + " writes; only reads are allowed here");
            if (step instanceof LambdaHolder) throw new QueryRefusedException(name + " holds a lambda; lambdas are not allowed here");
            if (step instanceof SubgraphStep || step instanceof IoStep || step instanceof CallStep) {
                throw new QueryRefusedException(name + " is not allowed here");
            }
            if (step instanceof TraversalParent p) {
                for (Traversal.Admin<?, ?> child : p.getLocalChildren()) checkSteps(child);
                for (Traversal.Admin<?, ?> child : p.getGlobalChildren()) checkSteps(child);
            }
        }
    }
}
