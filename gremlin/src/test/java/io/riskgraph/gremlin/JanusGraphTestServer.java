package io.riskgraph.gremlin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real JanusGraph 1.1.0 server (in-memory storage, GraphBinary, a Groovy init script that creates the {@code uid}
 * unique index and binds {@code g}) as a child process on 127.0.0.1 and a free port, for the {@code -Pjanusgraph}
 * tests. JanusGraph is built on TinkerPop 3.7.3, Netty 4.1 and Groovy 4.0.23, so it never joins riskgraph's classpath:
 * its jars are resolved by Maven from the test resource {@code janusgraph/pom.xml} into {@code target/janusgraph-lib} (once)
 * and run by a JDK 17 or 11 (Groovy 4.0 does not run on 25): {@code -Djanusgraph.java=/path/to/bin/java} names one,
 * otherwise one is looked for under /usr/lib/jvm.
 */
public final class JanusGraphTestServer implements AutoCloseable {
    static final String VERSION = "1.1.0";
    private static final String MAIN = "org.janusgraph.graphdb.server.JanusGraphServer";

    private final Process process;
    private final int port;
    private final Path log;

    private JanusGraphTestServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public String url() { return "ws://127.0.0.1:" + port; }

    public long pid() { return process.pid(); }

    public Path log() { return log; }

    /** Resolves JanusGraph if needed, starts it in {@code dir} and waits until it listens (at most two minutes). */
    public static JanusGraphTestServer start(Path dir) {
        try {
            Path lib = resolve();
            String java = java();
            Files.createDirectories(dir);
            int port = freePort();
            for (String f : List.of("janusgraph-inmemory.properties", "init.groovy")) copyResource(f, dir.resolve(f));
            Files.writeString(dir.resolve("server.yaml"), resource("server.yaml").replace("${port}", Integer.toString(port)));
            Path log = dir.resolve("janusgraph-server.log");
            Process p = new ProcessBuilder(java, "-Xms256m", "-Xmx1g", "-cp", lib.toAbsolutePath() + "/*", MAIN, "server.yaml")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            JanusGraphTestServer server = new JanusGraphTestServer(p, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                if (text.contains("Channel started at port " + port)) {
                    if (text.contains("Could not initialize gremlin-groovy")) {
                        server.close();
                        throw new IllegalStateException("JanusGraph started but its init script failed (no uid index, no g); see " + log
                                + ":\n" + tail(text));
                    }
                    return server;
                }
                if (!p.isAlive()) {
                    throw new IllegalStateException("JanusGraph " + VERSION + " exited with " + p.exitValue()
                            + " before listening on " + port + " (java " + java + "); see " + log + ":\n" + tail(text));
                }
                if (System.nanoTime() > deadline) {
                    server.close();
                    throw new IllegalStateException("JanusGraph " + VERSION + " did not listen on " + port
                            + " within 120 s; see " + log + ":\n" + tail(text));
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start JanusGraph " + VERSION + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JanusGraph was starting", e);
        }
    }

    /** target/janusgraph-lib, filled by Maven from the resource janusgraph/pom.xml the first time. */
    static synchronized Path resolve() throws IOException, InterruptedException {
        Path lib = Path.of("target", "janusgraph-lib");
        Path done = lib.resolve(".resolved-" + VERSION);
        if (Files.exists(done)) return lib;
        Path pom = Files.createDirectories(Path.of("target", "janusgraph-resolver")).resolve("pom.xml");
        copyResource("pom.xml", pom);
        String home = System.getProperty("maven.home");
        String mvn = home != null && Files.isExecutable(Path.of(home, "bin", "mvn")) ? Path.of(home, "bin", "mvn").toString() : "mvn";
        List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q", "-ntp", "-f", pom.toString(),
                "dependency:copy-dependencies", "-DoutputDirectory=" + lib.toAbsolutePath()));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) cmd.add("-Dmaven.repo.local=" + repo);
        Path out = Files.createDirectories(Path.of("target")).resolve("janusgraph-resolve.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("resolving JanusGraph " + VERSION + " with '" + String.join(" ", cmd) + "' failed; see "
                    + out.toAbsolutePath() + ":\n" + tail(Files.readString(out)));
        }
        Files.writeString(done, String.join(" ", cmd));
        return lib;
    }

    /** A JDK that runs Groovy 4.0: -Djanusgraph.java, else the first 17 or 11 under /usr/lib/jvm. */
    static String java() throws IOException {
        String named = System.getProperty("janusgraph.java");
        if (named != null && !named.isBlank()) {
            if (!Files.isExecutable(Path.of(named))) throw new IllegalStateException("-Djanusgraph.java=" + named + " is not an executable");
            return named;
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            for (String version : List.of("17", "11")) {
                try (Stream<Path> s = Files.list(jvms)) {
                    for (Path d : s.sorted().toList()) {
                        Path java = d.resolve("bin/java");
                        if (Files.isExecutable(java) && specVersion(d).equals(version)) return java.toString();
                    }
                }
            }
        }
        throw new IllegalStateException("JanusGraph " + VERSION + " needs Java 11 or 17 (Groovy 4.0 fails on newer JDKs) and none was "
                + "found under /usr/lib/jvm: install one (apt-get install openjdk-17-jre-headless) or name it with -Djanusgraph.java=");
    }

    /** The major version from the JDK's release file ("17" from JAVA_VERSION="17.0.15"), or "". */
    private static String specVersion(Path jdk) throws IOException {
        Path release = jdk.resolve("release");
        if (!Files.exists(release)) return "";
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=")) {
                String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                int dot = v.indexOf('.');
                return dot < 0 ? v : v.substring(0, dot);
            }
        }
        return "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JanusGraphTestServer.class.getResourceAsStream("/janusgraph/" + name)) {
            if (in == null) throw new IllegalStateException("test resource janusgraph/" + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void copyResource(String name, Path to) throws IOException {
        Files.writeString(to, resource(name));
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }

    /** Stops the server process (and waits for it). */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
