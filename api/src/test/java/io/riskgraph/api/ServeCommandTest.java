package io.riskgraph.api;

import io.riskgraph.cli.CliRun;
import io.riskgraph.cli.Main;
import io.riskgraph.cli.ServeCommand;
import io.riskgraph.cypher.TestNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** riskgraph serve and riskgraph keys from the command line. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void keysCreateListRevoke() {
        String store = tmp.resolve("store").toString();
        CliRun created = run("keys", "create", "--role", "analyst", "--name", "alice", "--store", store);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out().strip()).startsWith("rg_");
        CliRun list = run("keys", "list", "--store", store);
        assertThat(list.out()).contains("alice").contains("analyst").doesNotContain(created.out().strip());
        assertThat(run("keys", "revoke", "alice", "--store", store).exit()).isZero();
        assertThat(run("keys", "revoke", "alice", "--store", store).exit()).isEqualTo(Main.USAGE);
        assertThat(run("keys", "create", "--role", "boss", "--name", "bob", "--store", store).exit()).isEqualTo(Main.USAGE);
        assertThat(new ApiKeys(tmp.resolve("store")).list()).hasSize(1);
    }

    @Test
    void serveStartsAnswersAndStopsCleanly() throws Exception {
        ApiFixture.server(); // the example city is loaded
        CommandLine cli = new CommandLine(new Main());
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
        String secret = new ApiKeys(tmp).create("cli-consumer", Role.CONSUMER).secret();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(cli.execute("serve", "--uri", TestNeo4j.connection().uri(), "--user", "neo4j", "--password", TestNeo4j.password(), "--port", "0",
                "--api-dir", tmp.toString(), "--id-key-file", tmp.resolve("id.key").toString(), "--no-relation-snapshot")));
        t.start();
        for (int i = 0; i < 600 && serve.server() == null; i++) Thread.sleep(100);
        assertThat(serve.server()).as("server started").isNotNull();
        int port = serve.server().port();
        HttpResponse<String> r = ApiFixture.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/enterprises/" + ApiFixture.FOOD)).header("X-API-Key", secret).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("上海华祥食品有限公司");
        HttpResponse<String> related = ApiFixture.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/enterprises/" + ApiFixture.SNACK + "/related?hops=1")).header("X-API-Key", secret).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(related.body()).as("read from the store, no snapshot").contains(ApiFixture.CATERING);
        serve.shutdown();
        t.join(30_000);
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("riskgraph API on http://127.0.0.1:" + port).contains("store closed")
                .contains("search index: memory");
    }
}
