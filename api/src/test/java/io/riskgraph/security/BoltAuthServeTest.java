package io.riskgraph.security;

import io.riskgraph.cli.CliRun;
import io.riskgraph.cli.Main;
import io.riskgraph.cli.ServeCommand;
import io.riskgraph.cypher.BoltCredentials;
import io.riskgraph.cypher.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.SecurityException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * While riskgraph serve has an embedded store open, its Bolt port refuses a local process without the store's
 * password (the hole of issue 16: a process with no credentials created a node); riskgraph credentials says how to
 * connect, and another riskgraph command reaches the running store with the password from the store folder.
 */
class BoltAuthServeTest {
    @TempDir
    Path tmp;

    static long nodes(String uri, AuthToken auth) {
        try (Driver d = GraphDatabase.driver(uri, auth, Config.builder().withLogging(Logging.none()).build());
             Session s = d.session()) {
            return s.run("MATCH (n) RETURN count(n) AS n").single().get("n").asLong();
        }
    }

    static void create(String uri, AuthToken auth) {
        try (Driver d = GraphDatabase.driver(uri, auth, Config.builder().withLogging(Logging.none()).build());
             Session s = d.session()) {
            s.run("CREATE (:Intruder)").consume();
        }
    }

    @Test
    void boltPortRefusesMissingAndWrongCredentialsWhileServing() throws Exception {
        Path store = tmp.resolve("store");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(cli.execute("serve", "--store", store.toString(), "--port", "0",
                "--page-cache-mb", "32", "--no-relation-snapshot")));
        t.start();
        try {
            for (int i = 0; i < 600 && serve.server() == null && t.isAlive(); i++) Thread.sleep(100);
            assertThat(serve.server()).as("server started").isNotNull();
            String uri = Files.readString(store.resolve(EmbeddedNeo4j.BOLT_ADDRESS_FILE)).strip();
            String password = BoltCredentials.read(store);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(BoltCredentials.file(store)))).isEqualTo("rw-------");

            assertThatThrownBy(() -> create(uri, AuthTokens.none())).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> create(uri, AuthTokens.basic("neo4j", "neo4j"))).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> create(uri, AuthTokens.basic("neo4j", password.substring(1))))
                    .isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> create(uri, AuthTokens.basic("admin", password))).isInstanceOf(SecurityException.class);
            assertThat(nodes(uri, AuthTokens.basic("neo4j", password))).as("nothing was created").isZero();

            CliRun credentials = CliRun.of("credentials", "--store", store.toString());
            assertThat(credentials.exit()).as(credentials.err()).isZero();
            assertThat(credentials.out()).contains("cypher-shell -a " + uri + " -u neo4j -p \"$(cat ")
                    .contains(BoltCredentials.file(store.toAbsolutePath().normalize()).toString())
                    .doesNotContain(password);
            assertThat(CliRun.of("credentials", "--store", store.toString(), "--show-password").out()).contains(password);

            // another riskgraph command against the running store, as the store-in-use message says
            CliRun stats = CliRun.of("stats", "--store", store.toString(), "--uri", uri);
            assertThat(stats.exit()).as(stats.err()).isZero();
            CliRun wrong = CliRun.of("stats", "--uri", uri, "--user", "neo4j", "--password", "guess");
            assertThat(wrong.exit()).isEqualTo(Main.FAILURE);
            assertThat(wrong.err()).contains("refused");
        } finally {
            serve.shutdown();
            t.join(60_000);
        }
        assertThat(exit.get()).isZero();
        assertThat(store.resolve(EmbeddedNeo4j.BOLT_ADDRESS_FILE)).doesNotExist();
        assertThat(CliRun.of("credentials", "--store", store.toString()).out()).contains("address:  none now");
    }
}
