package io.riskgraph.cypher;

import io.riskgraph.query.QueryRefusedException;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an analyst's statement may do: read this store's graph, nothing else. Two checks, each enough on its own for
 * most attacks, so that a gap in one is covered by the other:
 * <ol>
 *   <li>{@link #checkText} reads the statement's tokens (comments, strings and quoted names set aside) and refuses
 *       administration and {@code SHOW} / {@code TERMINATE} commands, {@code USE}, {@code LOAD CSV},
 *       {@code CALL { } IN TRANSACTIONS}, procedures outside {@link #ALLOWED_PROCEDURES}, functions outside the
 *       built-in namespaces, {@code EXPLAIN}/{@code PROFILE} and more than one statement;</li>
 *   <li>{@link #checkPlan} walks the server's plan of the statement (EXPLAIN, nothing runs) and refuses any operator
 *       that is a command, loads a file, batches transactions or calls a procedure outside the list.</li>
 * </ol>
 * Writes are refused by the plan's query type and by running in a read transaction (the runner's job).
 * The guard never executes anything and never throws anything but {@link QueryRefusedException}.
 */
public final class CypherGuard {
    /** Procedures that only describe the schema. */
    public static final Set<String> ALLOWED_PROCEDURES = Set.of("db.labels", "db.relationshipTypes",
            "db.propertyKeys", "db.schema.visualization", "db.schema.nodeTypeProperties",
            "db.schema.relTypeProperties");
    /**
     * Namespaces of built-in functions (Neo4j 2026.08, {@code SHOW FUNCTIONS}); {@code graph.*} is left out because
     * it names other databases. A plugin's functions (apoc.*) are refused.
     */
    public static final Set<String> ALLOWED_FUNCTION_NAMESPACES = Set.of("coll", "date", "datetime", "db", "duration",
            "localdatetime", "localtime", "point", "time", "vector");

    private static final String ADMIN = "administration commands are not allowed here (%s); only reads of the graph";
    /** Words that begin an administration or transaction command. */
    private static final Set<String> COMMAND_WORDS = Set.of("SHOW", "TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER",
            "DROP", "START", "STOP", "ENABLE", "RENAME", "DEALLOCATE", "REALLOCATE", "DRYRUN");
    /** What may follow CREATE in an administration command (CREATE INDEX and friends are schema writes). */
    private static final Set<String> CREATE_COMMAND_OBJECTS = Set.of("USER", "ROLE", "DATABASE", "COMPOSITE", "ALIAS",
            "OR", "SERVER");
    /** Plan operators that are commands or reach outside the graph; matched as name prefixes, case-insensitively. */
    private static final List<String> REFUSED_OPERATOR_PREFIXES = List.of("show", "terminate", "loadcsv", "transaction",
            "create", "drop", "alter", "grant", "deny", "revoke", "systemprocedure", "administration", "log",
            "ensure", "start", "stop", "enable", "rename", "waitfor", "dbms");

    private CypherGuard() {}

    // ---- the text --------------------------------------------------------------------------------------------

    enum Kind { WORD, QUOTED, STRING, NUMBER, PARAM, SYMBOL }

    record Token(Kind kind, String text) {
        boolean is(String symbol) { return kind == Kind.SYMBOL && text.equals(symbol); }

        boolean isName() { return kind == Kind.WORD || kind == Kind.QUOTED; }

        String upper() { return kind == Kind.WORD ? text.toUpperCase(Locale.ROOT) : ""; }
    }

    /** Refuses a statement whose words make it anything but a read of this graph; see the class comment. */
    public static void checkText(String statement) {
        if (statement == null || statement.isBlank()) throw new QueryRefusedException("the statement is empty");
        List<Token> t = tokens(statement);
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).is(";") && i < t.size() - 1) {
                throw new QueryRefusedException("one statement at a time: remove the ';' and what follows it");
            }
        }
        int start = skipPreamble(t);
        if (start < t.size()) {
            String first = t.get(start).upper();
            if (first.equals("EXPLAIN") || first.equals("PROFILE")) {
                throw new QueryRefusedException("leave out " + first + ": every statement is planned and checked first");
            }
            if (COMMAND_WORDS.contains(first) || first.equals("CREATE") && start + 1 < t.size()
                    && CREATE_COMMAND_OBJECTS.contains(t.get(start + 1).upper())) {
                throw new QueryRefusedException(ADMIN.formatted(commandName(t, start)));
            }
        }
        for (int i = start; i < t.size(); i++) {
            if (!isKeyword(t, i)) continue;
            String w = t.get(i).upper();
            switch (w) {
                case "SHOW", "TERMINATE" -> throw new QueryRefusedException(ADMIN.formatted(w)
                        + "; if '" + t.get(i).text() + "' is a variable, rename it");
                case "USE" -> throw new QueryRefusedException(
                        "USE is not allowed here: statements read this store's graph only");
                case "LOAD" -> {
                    if (i + 1 < t.size() && t.get(i + 1).upper().equals("CSV")) {
                        throw new QueryRefusedException("LOAD CSV is not allowed here: load files with 'riskgraph ingest'");
                    }
                }
                case "IN" -> {
                    if (i > 0 && t.get(i - 1).is("}") && inTransactions(t, i + 1)) {
                        throw new QueryRefusedException(
                                "CALL { } IN TRANSACTIONS is not allowed here: reads need no batching");
                    }
                }
                case "CALL" -> checkProcedure(t, i + 1);
                default -> { }
            }
        }
        checkFunctions(t);
    }

    /** The command's leading words: SHOW TRANSACTIONS, CREATE OR REPLACE USER. */
    private static String commandName(List<Token> t, int start) {
        int words = t.get(start).upper().equals("CREATE") && start + 1 < t.size() && t.get(start + 1).upper().equals("OR")
                ? 4 : 2;
        StringBuilder name = new StringBuilder();
        for (int i = start; i < Math.min(t.size(), start + words) && t.get(i).kind() == Kind.WORD; i++) {
            if (!name.isEmpty()) name.append(' ');
            name.append(t.get(i).upper());
        }
        return name.toString();
    }

    /** Skips {@code CYPHER [version] [option=value]...}; returns the index of the first token after it. */
    private static int skipPreamble(List<Token> t) {
        int i = 0;
        while (i < t.size() && t.get(i).upper().equals("CYPHER")) {
            i++;
            if (i < t.size() && t.get(i).kind() == Kind.NUMBER) i++;
            while (i + 2 < t.size() && t.get(i).kind() == Kind.WORD && t.get(i + 1).is("=")) i += 3;
        }
        return i;
    }

    /** After "} IN": optional concurrency (a number, a parameter, CONCURRENT), then TRANSACTIONS. */
    private static boolean inTransactions(List<Token> t, int i) {
        for (int j = i; j < Math.min(t.size(), i + 4); j++) {
            if (t.get(j).upper().equals("TRANSACTIONS")) return true;
        }
        return false;
    }

    private static void checkProcedure(List<Token> t, int i) {
        if (i >= t.size() || !t.get(i).isName()) return; // CALL { ... } or CALL (x) { ... }: a subquery
        StringBuilder name = new StringBuilder(t.get(i).text());
        for (i = i + 1; i + 1 < t.size() && t.get(i).is(".") && t.get(i + 1).isName(); i += 2) {
            name.append('.').append(t.get(i + 1).text());
        }
        String n = name.toString();
        if (!ALLOWED_PROCEDURES.contains(n)) {
            throw new QueryRefusedException("procedure calls are not allowed here (" + n + "); allowed: "
                    + String.join(", ", ALLOWED_PROCEDURES.stream().sorted().toList()));
        }
    }

    /** A namespaced name followed by '(' that no CALL precedes is a function call: its namespace must be built in. */
    private static void checkFunctions(List<Token> t) {
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).isName() || i > 0 && (t.get(i - 1).is(".") || t.get(i - 1).upper().equals("CALL"))) continue;
            int j = i;
            List<String> parts = new ArrayList<>();
            parts.add(t.get(i).text());
            while (j + 2 < t.size() && t.get(j + 1).is(".") && t.get(j + 2).isName()) {
                parts.add(t.get(j + 2).text());
                j += 2;
            }
            if (parts.size() > 1 && j + 1 < t.size() && t.get(j + 1).is("(")) {
                String namespace = parts.getFirst().toLowerCase(Locale.ROOT);
                if (!ALLOWED_FUNCTION_NAMESPACES.contains(namespace)) {
                    throw new QueryRefusedException("function " + String.join(".", parts)
                            + " is not allowed here: built-in functions only");
                }
            }
            i = j;
        }
    }

    /**
     * A word is a keyword unless it is a property key or label (after '.' or ':'), a map key (before ':'), or a
     * parameter name; quoted names never are.
     */
    private static boolean isKeyword(List<Token> t, int i) {
        if (t.get(i).kind() != Kind.WORD) return false;
        if (i > 0 && (t.get(i - 1).is(".") || t.get(i - 1).is(":"))) return false;
        return !(i + 1 < t.size() && t.get(i + 1).is(":") && i > 0 && (t.get(i - 1).is("{") || t.get(i - 1).is(",")));
    }

    /** Cypher's tokens, coarsely: enough to tell words from strings, comments and quoted names. */
    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) throw new QueryRefusedException("a /* comment is not closed");
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                StringBuilder text = new StringBuilder();
                while (j < n && s.charAt(j) != c) {
                    if (s.charAt(j) == '\\' && j + 1 < n) j++;
                    text.append(s.charAt(j));
                    j++;
                }
                if (j >= n) throw new QueryRefusedException("a string starting with " + c + " is not closed");
                out.add(new Token(Kind.STRING, text.toString()));
                i = j + 1;
            } else if (c == '`') {
                StringBuilder text = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= n) throw new QueryRefusedException("a name starting with ` is not closed");
                    if (s.charAt(j) == '`') {
                        if (j + 1 < n && s.charAt(j + 1) == '`') {
                            text.append('`');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    text.append(s.charAt(j++));
                }
                out.add(new Token(Kind.QUOTED, text.toString()));
                i = j + 1;
            } else if (c == '$') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(new Token(Kind.PARAM, s.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_'
                        || s.charAt(j) == '.' && j + 1 < n && Character.isDigit(s.charAt(j + 1)))) j++;
                out.add(new Token(Kind.NUMBER, s.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                out.add(new Token(Kind.WORD, s.substring(i, j)));
                i = j;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    // ---- the plan --------------------------------------------------------------------------------------------

    /** Refuses a plan with an operator that is a command, loads a file, batches transactions or calls a procedure. */
    public static void checkPlan(Plan plan) {
        String op = plan.operatorType().replaceFirst("@.*$", ""); // "Expand(All)@neo4j"
        String lower = op.toLowerCase(Locale.ROOT);
        if (lower.startsWith("loadcsv")) {
            throw new QueryRefusedException("LOAD CSV is not allowed here: load files with 'riskgraph ingest'");
        }
        if (lower.startsWith("transaction")) {
            throw new QueryRefusedException("CALL { } IN TRANSACTIONS is not allowed here: reads need no batching");
        }
        if (lower.contains("procedurecall")) {
            Value d = plan.arguments().get("Details");
            String details = d == null ? "" : d.asString().strip();
            int paren = details.indexOf('(');
            String name = (paren < 0 ? details : details.substring(0, paren)).strip().replace("`", "");
            if (!ALLOWED_PROCEDURES.contains(name)) {
                throw new QueryRefusedException("procedure calls are not allowed here (" + (name.isEmpty() ? op : name)
                        + "); allowed: " + String.join(", ", ALLOWED_PROCEDURES.stream().sorted().toList()));
            }
        } else {
            for (String prefix : REFUSED_OPERATOR_PREFIXES) {
                if (lower.startsWith(prefix)) throw new QueryRefusedException(ADMIN.formatted(op));
            }
        }
        for (Plan child : plan.children()) checkPlan(child);
    }
}
