package io.riskgraph.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riskgraph.risk.learning.ModelRegistry;
import org.junit.jupiter.api.BeforeAll;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learned model's folder (model.json and its booster file) as anyone with the folder could leave it: loading gives
 * a model or an IllegalArgumentException naming the file, never another exception. The fuzzer may seal model.json
 * with a correct checksum and give the booster its correct sha256, to get past those checks to the fields and to
 * XGBoost's reader.
 */
class LearnedModelFuzzTest {
    static final ObjectMapper COMPACT = new ObjectMapper();
    static Path dir;

    @BeforeAll
    static void dir() throws Exception {
        dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "learned-fuzz");
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @FuzzTest(maxDuration = "5m")
    void loadModelFolder(FuzzedDataProvider data) throws Exception {
        boolean seal = data.consumeBoolean();
        boolean boosterHash = data.consumeBoolean();
        byte[] booster = data.consumeBytes(data.consumeInt(0, 4096));
        String json = data.consumeRemainingAsString();
        Path v1 = Files.createDirectories(dir.resolve("v1"));
        Files.write(v1.resolve("general.ubj"), booster);
        String text = json;
        if (seal || boosterHash) {
            try {
                JsonNode n = COMPACT.readTree(json);
                if (n instanceof ObjectNode o) {
                    if (boosterHash && o.path("boosters").path("general") instanceof ObjectNode g) {
                        g.put("file", "general.ubj");
                        g.put("sha256", sha256(booster));
                    }
                    o.put("format", ModelRegistry.FORMAT);
                    o.remove("checksum");
                    o.put("checksum", sha256(COMPACT.writeValueAsBytes(o)));
                    text = COMPACT.writeValueAsString(o);
                }
            } catch (com.fasterxml.jackson.core.JacksonException notJson) {
                // left as it is
            }
        }
        Files.writeString(v1.resolve("model.json"), text, StandardCharsets.UTF_8);
        try {
            assertThat(new ModelRegistry(dir).load(1)).isNotNull();
        } catch (IllegalArgumentException documented) {
            assertThat(documented.getMessage()).isNotBlank();
        }
    }
}
