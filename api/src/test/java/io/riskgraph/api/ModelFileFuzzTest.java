package io.riskgraph.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import io.riskgraph.risk.grading.GradingModel;
import io.riskgraph.risk.grading.ModelException;
import io.riskgraph.risk.grading.ModelParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grading model file parser (calibrate's output, --model FILE) takes any text: a model, or a ModelException
 * naming what is wrong; never another exception (callers never pass null, so neither does the fuzzer).
 */
class ModelFileFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void gradingModelFile(@NotNull String text) {
        try {
            GradingModel m = ModelParser.parse("fuzz.properties", text);
            assertThat(m).isNotNull();
        } catch (ModelException documented) {
            assertThat(documented.getMessage()).isNotBlank();
        }
    }
}
