package io.riskgraph.risk.learning;

import io.riskgraph.risk.grading.ModelSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model registry: save, activate, roll back, and every damaged or hand-edited file refused by name. */
class ModelRegistryTest {
    static LearnedModel model;

    /** A model fitted on a planted signal: the outcome follows the first feature. */
    @BeforeAll
    static void fit() {
        List<Feature> f = FeatureMatrix.all();
        int n = 600, m = f.size();
        Random r = new Random(1);
        float[] rows = new float[n * m], label = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) rows[i * m + j] = r.nextInt(4);
            label[i] = rows[i * m] + r.nextGaussian() > 2 ? 1 : 0;
        }
        Trees.Fit fit = Trees.fit(rows, n, f, label, null, LearnParams.Kind.TREES, 7);
        model = new LearnedModel(0, LearnParams.Kind.TREES, LocalDate.of(2026, 6, 30), f, fit.booster(), Map.of(),
                new double[]{60, 40, 20}, new double[]{0.05, 0.1, 0.2, Double.NaN});
    }

    @Test
    void saveActivateAndRollBack(@TempDir Path dir) {
        ModelRegistry reg = new ModelRegistry(dir);
        ModelSet prior = ModelSet.shipped();
        assertSame(prior, reg.active(prior));
        int v1 = reg.save(model, List.of("report one"), "first");
        int v2 = reg.save(model, List.of("report two"), "second");
        assertEquals(List.of(1, 2), List.of(v1, v2));
        assertEquals("prior", reg.activeName());
        reg.activate("2");
        LearnedModel active = assertInstanceOf(LearnedModel.class, reg.active(prior));
        assertEquals("learned-v2", active.name());
        assertEquals(model.features(), active.features());
        reg.activate("v1");
        assertEquals("v1", reg.activeName());
        reg.activate("prior");
        assertSame(prior, reg.active(prior));
        assertTrue(reg.report("2").contains("report two"));
        assertEquals(2, reg.list().size());
    }

    /** What was done to v1's files, and the words the refusal must contain. */
    static Stream<Object[]> damages() {
        return Stream.of(
                new Object[]{"booster byte flipped", (Damage) d -> flip(d.resolve("general.ubj")), "does not match its sha256"},
                new Object[]{"booster deleted", (Damage) d -> Files.delete(d.resolve("general.ubj")), "general.ubj is missing"},
                new Object[]{"cut-off edited", (Damage) d -> edit(d, "\"cuts\" : [ 60.0", "\"cuts\" : [ 99.0"), "checksum does not match"},
                new Object[]{"not JSON", (Damage) d -> Files.writeString(d.resolve("model.json"), "{ \"format\": "), "is not valid JSON"},
                new Object[]{"not an object", (Damage) d -> Files.writeString(d.resolve("model.json"), "[1, 2]"), "must hold a JSON object"},
                new Object[]{"other format", (Damage) d -> edit(d, ModelRegistry.FORMAT, "something-else/9"), "format must be"},
                new Object[]{"model.json deleted", (Damage) d -> Files.delete(d.resolve("model.json")), "does not exist"});
    }

    interface Damage { void apply(Path versionDir) throws Exception; }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedModelIsRefusedAndThePreviousStaysActive(String what, Damage damage, String message, @TempDir Path dir) throws Exception {
        ModelRegistry reg = new ModelRegistry(dir);
        reg.save(model, List.of("r"), "good");
        reg.save(model, List.of("r"), "to damage");
        reg.activate("1");
        damage.apply(dir.resolve("v2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reg.activate("2"));
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
        assertEquals("v1", reg.activeName());
        assertEquals("learned-v1", reg.active(ModelSet.shipped()).name());
    }

    /** What a save killed half-way leaves (FaultsTest does it for real): a .vN.tmp folder no command takes for a model. */
    @Test
    void aHalfWrittenSaveIsALeftoverNotAModel(@TempDir Path dir) throws Exception {
        ModelRegistry reg = new ModelRegistry(dir);
        reg.save(model, List.of("r"), "good");
        reg.activate("1");
        Path partial = Files.createDirectories(dir.resolve(".v2.tmp"));
        Files.write(partial.resolve("general.ubj"), new byte[]{1, 2, 3});
        Files.writeString(dir.resolve("ACTIVE.tmp"), "v2");
        assertEquals(List.of(".v2.tmp", "ACTIVE.tmp"), reg.leftovers());
        assertEquals(1, reg.list().size());
        assertEquals("v1", reg.activeName());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> reg.activate("2")).getMessage().contains("v2 does not exist"));
        assertEquals(2, reg.save(model, List.of("r2"), "again"));
        assertEquals(List.of("ACTIVE.tmp"), reg.leftovers());
        reg.activate("2");
        assertEquals(List.of(), reg.leftovers());
        assertEquals("learned-v2", reg.active(ModelSet.shipped()).name());
    }

    @Test
    void badVersionsAreNamed(@TempDir Path dir) {
        ModelRegistry reg = new ModelRegistry(dir);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> reg.activate("7")).getMessage().contains("v7 does not exist"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> reg.activate("latest")).getMessage().contains("a number such as 3"));
        assertEquals("prior", reg.activeName());
    }

    private static void flip(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        b[b.length / 2] ^= 1;
        Files.write(p, b);
    }

    private static void edit(Path d, String from, String to) throws Exception {
        Path p = d.resolve("model.json");
        String s = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), "model.json holds " + from + ":\n" + s);
        Files.writeString(p, s.replace(from, to), StandardCharsets.UTF_8);
    }
}
