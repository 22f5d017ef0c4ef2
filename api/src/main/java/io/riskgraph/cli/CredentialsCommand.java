package io.riskgraph.cli;

import io.riskgraph.cypher.BoltCredentials;
import io.riskgraph.cypher.EmbeddedNeo4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = {"How to connect cypher-shell or Neo4j Browser to the embedded store's Bolt port.",
                "The port asks for a password, made at random when the store is first opened and kept in "
                        + BoltCredentials.FILE + " in the store folder (owner-only). Whoever connects with it has "
                        + "full access, past the API's roles and audit log: keep it to administrators."})
public final class CredentialsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = StoreOptions.STORE_DEFAULT,
            description = "Folder of the embedded database (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--show-password", description = "Print the password itself too.")
    boolean showPassword;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = store.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no store folder " + dir);
        Path file = BoltCredentials.file(dir);
        String password = BoltCredentials.read(dir);
        if (password == null) {
            out.println("The store " + dir + " has no Bolt password yet: it gets one the next time a riskgraph "
                    + "command opens it (e.g. riskgraph stats --store " + store + ").");
            return Main.OK;
        }
        Path address = dir.resolve(EmbeddedNeo4j.BOLT_ADDRESS_FILE);
        String uri = Files.isRegularFile(address) ? Files.readString(address).strip() : null;
        out.println("Embedded store " + dir);
        out.println("  user:     " + BoltCredentials.USER);
        out.println("  password: " + (showPassword ? password : "in " + file + " (owner-only; --show-password prints it)"));
        if (uri != null) {
            out.println("  address:  " + uri + " (while the riskgraph process that has the store open runs; a new "
                    + "port on every start)");
        } else {
            out.println("  address:  none now: the Bolt port is open only while a riskgraph process (e.g. serve) "
                    + "has the store open, on 127.0.0.1 and a new port on every start; run this again then");
        }
        String a = uri != null ? uri : "bolt://127.0.0.1:PORT";
        out.println();
        out.println("cypher-shell:");
        out.println("  cypher-shell -a " + a + " -u " + BoltCredentials.USER + " -p \"$(cat " + file + ")\"");
        out.println("Neo4j Browser (Neo4j Desktop, or a Browser served over http, not https: the port is not encrypted):");
        out.println("  Connect URL " + a + ", authentication Username / Password, user " + BoltCredentials.USER
                + ", the password above");
        out.println("Another riskgraph command against the running store:");
        out.println("  riskgraph stats --store " + store + " --uri " + a + "   (reads the password from the store folder)");
        out.println("Writes made this way bypass the API's roles and audit log.");
        return Main.OK;
    }
}
