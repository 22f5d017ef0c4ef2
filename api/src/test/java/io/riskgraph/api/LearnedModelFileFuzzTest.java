package io.riskgraph.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.riskgraph.risk.learning.ModelRegistry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learned model's model.json (the registry validates it before activating or using it) takes any text: a model,
 * or an IllegalArgumentException naming the file; never another exception.
 */
class LearnedModelFileFuzzTest {
    private static final Path DIR = tempDir();

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("learned-model-fuzz");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void learnedModelJson(@NotNull String text) throws Exception {
        Path v1 = DIR.resolve("v1");
        Files.createDirectories(v1);
        Files.writeString(v1.resolve("model.json"), text, StandardCharsets.UTF_8);
        try {
            new ModelRegistry(DIR).load(1);
        } catch (IllegalArgumentException documented) {
            assertThat(documented.getMessage()).contains("model");
        }
    }
}
