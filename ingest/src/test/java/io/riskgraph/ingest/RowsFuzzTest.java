package io.riskgraph.ingest;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.riskgraph.model.id.IdProtector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading, validating and mapping a file of any bytes, as ingest does: every row comes out as a valid row or a
 * rejection with a reason; the only exception allowed is the IOException that ingest reports as an unreadable file.
 * The first byte picks CSV or JSONL, the second which canonical file; the rest is the file.
 */
class RowsFuzzTest {
    static Path dir;
    static final RowValidator VALIDATOR = new RowValidator(new IdProtector(new byte[32]));

    @BeforeAll
    static void dir() throws IOException {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "rows-fuzz");
    }

    @AfterAll
    static void clean() throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "5m")
    void readValidateAndMap(FuzzedDataProvider data) throws IOException {
        boolean jsonl = data.consumeBoolean();
        CanonicalFile file = data.pickValue(CanonicalFile.values());
        byte[] bytes = data.consumeRemainingAsBytes();
        Path path = dir.resolve(file.baseName() + (jsonl ? ".jsonl" : ".csv"));
        Files.write(path, bytes);
        long rows = 0;
        try (RowReader reader = RowReader.open(path)) {
            while (reader.hasNext() && rows < 100_000) {
                RawRow raw = reader.next();
                rows++;
                RowValidator.Outcome o = VALIDATOR.validate(file, path.getFileName().toString(), raw);
                assertThat(o.valid() == null ^ o.rejection() == null).as("valid or rejected, never both").isTrue();
                if (o.rejection() != null) {
                    assertThat(o.rejection().toString()).isNotBlank();
                } else {
                    GraphMapping.map(file, o.valid(), e -> assertThat(e).isNotNull());
                }
            }
        } catch (IOException expected) {
            // an unreadable file: ingest reports it as IngestInputException("cannot read ...")
        }
    }
}
