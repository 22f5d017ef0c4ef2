package io.riskgraph.cypher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.SecurityException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database's Bolt port asks for the store's password; stores from before it get one on their next open. */
class BoltCredentialsTest {
    @TempDir
    Path tmp;

    static long count(String uri, AuthToken auth) {
        try (Driver d = GraphDatabase.driver(uri, auth,
                org.neo4j.driver.Config.builder().withLogging(org.neo4j.driver.Logging.none()).build()); Session s = d.session()) {
            return s.run("MATCH (n:Legacy) RETURN count(n) AS n").single().get("n").asLong();
        }
    }

    static void refused(String uri, AuthToken auth) {
        assertThatThrownBy(() -> count(uri, auth)).isInstanceOf(SecurityException.class);
    }

    @Test
    void storeFromBeforeAuthenticationGetsAPasswordOnNextOpen() throws Exception {
        Path home = tmp.resolve("legacy");
        // a store as riskgraph made them before: authentication off, no password file
        DatabaseManagementService old = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 16L << 20).build();
        old.database("neo4j").executeTransactionally("CREATE (:Legacy)");
        old.shutdown();
        assertThat(BoltCredentials.read(home)).isNull();

        String first;
        try (Neo4jConnection c = Neo4jConnection.embedded(home, 32L << 20)) {
            first = BoltCredentials.read(home);
            assertThat(first).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(BoltCredentials.file(home))))
                    .isEqualTo("rw-------");
            assertThat(count(c.uri(), AuthTokens.basic("neo4j", first))).isEqualTo(1);
            refused(c.uri(), AuthTokens.none());
            refused(c.uri(), AuthTokens.basic("neo4j", "neo4j"));         // Neo4j's initial password
            refused(c.uri(), AuthTokens.basic("neo4j", first + "x"));
        }

        // reopening keeps the password; a file made readable by others is narrowed again
        Files.setPosixFilePermissions(BoltCredentials.file(home), PosixFilePermissions.fromString("rw-r--r--"));
        try (Neo4jConnection c = Neo4jConnection.embedded(home, 32L << 20)) {
            assertThat(BoltCredentials.read(home)).isEqualTo(first);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(BoltCredentials.file(home))))
                    .isEqualTo("rw-------");
            assertThat(count(c.uri(), AuthTokens.basic("neo4j", first))).isEqualTo(1);
        }

        // a lost password file: a new password, and the old one stops working
        Files.delete(BoltCredentials.file(home));
        try (Neo4jConnection c = Neo4jConnection.embedded(home, 32L << 20)) {
            String second = BoltCredentials.read(home);
            assertThat(second).isNotEqualTo(first);
            assertThat(count(c.uri(), AuthTokens.basic("neo4j", second))).isEqualTo(1);
            assertThatThrownBy(() -> count(c.uri(), AuthTokens.basic("neo4j", first)))
                    .isInstanceOf(AuthenticationException.class);
        }
    }
}
