package io.riskgraph.cli;

import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.GradingModel;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.ModelParser;
import io.riskgraph.risk.grading.ModelSet;
import io.riskgraph.risk.grading.RiskModel;
import io.riskgraph.risk.learning.ModelRegistry;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.store.GraphStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The models and the "as of" day, shared by grade, regrade, backtest and calibrate. */
public final class GradingOptions {
    /** The value of --professional that switches the professional models off. */
    static final String NO_PROFESSIONAL = "none";

    @Option(names = "--model", paramLabel = "FILE",
            description = "The general model file (default: the shipped general model, docs/models.md).")
    Path model;

    @Option(names = "--professional", paramLabel = "DIR|none",
            description = {"A folder of professional model files refining the general model per segment, or 'none'",
                    "(default: the 16 shipped professional models)."})
    String professional;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Grade as of this day (ISO, e.g. 2026-06-30); later events are ignored (default: the latest event day).")
    String asOf;

    /** Validates the general model before the database starts, so a bad file costs nothing. */
    GradingModel model() {
        return model == null ? GradingModel.general() : ModelParser.parse(model);
    }

    /** The general and professional models; every file validated before the database starts. */
    ModelSet models() {
        GradingModel general = model();
        List<GradingModel> pro;
        if (professional == null) pro = ModelSet.shippedProfessional();
        else if (professional.strip().equalsIgnoreCase(NO_PROFESSIONAL)) pro = List.of();
        else pro = ModelSet.professionalFolder(Path.of(professional.strip()));
        return new ModelSet(general, pro);
    }

    /**
     * The model grading uses: the files named by --model or --professional when given, else the store's active
     * learned model, else the shipped scorecards (the prior).
     */
    RiskModel active(StoreOptions store) {
        if (model != null || professional != null) return models();
        return activeModel(store);
    }

    /** The store's active learned model, or the shipped scorecards when none was learned or activated. */
    static RiskModel activeModel(StoreOptions store) {
        return new ModelRegistry(store.modelsDir()).active(ModelSet.shipped());
    }

    LocalDate asOfOrNull() {
        return parseDay(asOf, "--as-of");
    }

    /** An optional ISO day given as {@code option}; null when absent, a usage error naming the option when malformed. */
    static LocalDate parseDay(String text, String option) {
        if (text == null) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO date such as 2026-06-30, got '" + text + "'");
        }
    }

    static IndicatorContext context(GraphStore store, LocalDate asOf) {
        return context(store, null, asOf);
    }

    /** A context on grading data already read (null: read it from the store). */
    static IndicatorContext context(GraphStore store, GradingData read, LocalDate asOf) {
        GradingData data = read != null ? read : GradingData.read(store, new Cancellation());
        if (data.enterpriseCount() == 0) throw new IllegalArgumentException("the store holds no enterprise to grade");
        LocalDate day = asOf != null ? asOf : data.latestEventDay();
        if (day == null) day = LocalDate.now();
        return new IndicatorContext(data, day);
    }
}
