package io.riskgraph.ingest;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Folder-level problems stop the load before anything is written, each with a precise message. */
class DatasetFolderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "no enterprises file; persons.csv=person_id,name; no enterprises.csv or enterprises.jsonl",
            "both formats; enterprises.csv=uscc,name|enterprises.jsonl={}; both enterprises.csv and enterprises.jsonl exist",
            "missing column; enterprises.csv=uscc,address; enterprises.csv lacks required column name",
            "two missing; enterprises.csv=uscc,name|roles.csv=person_id; roles.csv lacks required columns uscc, role",
            "GBK export; enterprises.csv=GBK:uscc,name\\n1,上海; enterprises.csv is not UTF-8",
    })
    void refusedWithAPreciseMessage(String caseName, String files, String message) throws Exception {
        for (String spec : files.split("\\|")) {
            String name = spec.substring(0, spec.indexOf('='));
            String content = spec.substring(spec.indexOf('=') + 1).replace("\\n", "\n");
            if (content.startsWith("GBK:")) {
                Files.write(dir.resolve(name), content.substring(4).getBytes(Charset.forName("GBK")));
            } else {
                Files.writeString(dir.resolve(name), content + "\n");
            }
        }
        assertThatThrownBy(() -> DatasetFolder.scan(dir)).isInstanceOf(IngestInputException.class)
                .hasMessageContaining(message).hasMessageEndingWith("Nothing was loaded.");
    }

    @org.junit.jupiter.api.Test
    void notAFolder() {
        assertThatThrownBy(() -> DatasetFolder.scan(dir.resolve("missing")))
                .isInstanceOf(IngestInputException.class).hasMessageContaining("is not a folder");
    }
}
