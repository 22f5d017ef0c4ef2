package io.riskgraph.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 'riskgraph export neptune-csv', 'export graphson' and 'export hugegraph' as a user runs them on examples/small-city. */
class LoaderFilesCliTest {
    @TempDir
    Path tmp;

    CliRun run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--id-key-file", tmp.resolve("id.key").toString(), "--rejects", tmp.resolve("rejects.csv").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void neptuneFilesAndTheLoadCommand() throws Exception {
        Path out = tmp.resolve("neptune");
        CliRun r = run("export", "neptune-csv", "../examples/small-city", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Wrote \\d+ vertices and \\d+ edges in \\d+ files")
                .contains("enterprises.csv").contains("/loader").contains("\"format\": \"csv\"");
        assertThat(out.resolve("vertices-Enterprise.csv")).exists();
        assertThat(out.resolve("edges-LEGAL_REPRESENTATIVE_OF.csv")).exists();
        assertThat(Files.readAllLines(out.resolve("vertices-Enterprise.csv")).get(0)).startsWith("~id,~label,");

        CliRun again = run("export", "neptune-csv", "../examples/small-city", "--out", out.toString());
        assertThat(again.exit()).isNotZero();
        assertThat(again.err()).contains("not empty");
    }

    @Test
    void graphSonFileAndTheReadCommand() throws Exception {
        Path out = tmp.resolve("city.json");
        CliRun r = run("export", "graphson", "../examples/small-city", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Wrote \\d+ vertices and \\d+ edges in 1 file ").contains("g.io('")
                .contains(".read().iterate()");
        assertThat(Files.readAllLines(out).get(0)).startsWith("{\"id\":{\"@type\":\"g:Int64\"");

        CliRun folder = run("export", "graphson", "../examples/small-city", "--out", tmp.toString());
        assertThat(folder.exit()).isNotZero();
        assertThat(folder.err()).contains("is a folder");
        CliRun missing = run("export", "graphson", tmp.resolve("no-such-folder").toString(), "--out", out.toString());
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("no-such-folder");
    }

    @Test
    void hugeGraphFilesAndTheLoaderCommand() throws Exception {
        Path out = tmp.resolve("hugegraph");
        CliRun r = run("export", "hugegraph", "../examples/small-city", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path d = out.toAbsolutePath().normalize();
        assertThat(r.out()).containsPattern("Wrote \\d+ vertices and \\d+ edges in \\d+ files")
                .contains("bin/hugegraph-loader.sh -g hugegraph -f " + d.resolve("struct.json") + " -s "
                        + d.resolve("schema.groovy") + " -h HOST -p 8080");
        assertThat(out.resolve("vertex_Enterprise.csv")).exists();
        assertThat(out.resolve("edge_LEGAL_REPRESENTATIVE_OF.csv")).exists();
        assertThat(Files.readString(out.resolve("schema.groovy")))
                .contains("schema.vertexLabel(\"Enterprise\").properties(\"uid\", ").contains(".primaryKeys(\"uid\")");

        CliRun file = run("export", "hugegraph", "../examples/small-city", "--out", out.resolve("struct.json").toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).contains("is a file; name a new or empty folder");
        CliRun again = run("export", "hugegraph", "../examples/small-city", "--out", out.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("the folder for loader files is not empty: " + out);
    }
}
