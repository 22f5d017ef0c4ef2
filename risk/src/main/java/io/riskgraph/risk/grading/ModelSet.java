package io.riskgraph.risk.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The general model and the professional models that refine it ("general + professional"). How they combine
 * (docs/models.md): a firm in a professional model's scope gets the blend {@code (1 - w) × general + w × mapped},
 * where {@code mapped} is the professional score moved onto the general model's scale through the two models'
 * score-to-log-odds lines (equal estimated risk gives equal score) and {@code w} is the professional model's
 * {@code model.blend}; a firm in several scopes takes the highest blend (the riskiest view). The grade is the
 * general cut-offs applied to that score, then raised to the trigger rule's minimum when a trigger factor is present.
 */
public record ModelSet(GradingModel general, List<GradingModel> professional) implements RiskModel {
    /** The shipped professional models, beside the general one. */
    public static final List<String> PROFESSIONAL_RESOURCES = Stream.of(
            "food-production-supplier", "food-production-other", "food-sales", "catering-smart", "catering-other",
            "special-food", "drug-retail", "medical-device", "cosmetics", "special-equipment-use",
            "special-equipment-making", "industrial-product", "testing-agency", "vehicle-inspection", "metrology",
            "online-trading").map(n -> "/io/riskgraph/models/professional/" + n + "-v1.properties").toList();

    public ModelSet {
        if (general == null || general.professional()) throw new IllegalArgumentException("the general model must have no model.segments");
        professional = professional == null ? List.of() : List.copyOf(professional);
        Set<String> names = new HashSet<>();
        for (GradingModel p : professional) {
            if (!p.professional()) throw new IllegalArgumentException(p.source() + ": a professional model needs model.segments");
            if (!names.add(p.id())) throw new IllegalArgumentException(p.source() + ": model.id " + p.id() + " is used twice");
            if (p.logit() == null) throw new IllegalArgumentException(p.source() + ": score.logit is missing; a professional "
                    + "model needs it to put its score on the general scale");
        }
        if (!professional.isEmpty() && general.logit() == null) {
            throw new IllegalArgumentException(general.source() + ": score.logit is missing; the professional models need it to "
                    + "put their scores on its scale");
        }
    }

    @Override
    public String name() { return general.name(); }

    @Override
    public Grader.Grades grade(IndicatorContext ctx, GraderParams params) { return combine(ctx, this, params); }

    @Override
    public int professionalCount() { return professional.size(); }

    public static ModelSet generalOnly(GradingModel general) { return new ModelSet(general, List.of()); }

    /** The shipped general model and the 16 shipped professional models. */
    public static ModelSet shipped() { return new ModelSet(GradingModel.general(), shippedProfessional()); }

    public static List<GradingModel> shippedProfessional() {
        return PROFESSIONAL_RESOURCES.stream().map(ModelParser::parseResource).toList();
    }

    /** Every {@code *.properties} file of a folder, by file name; each validated as a professional model. */
    public static List<GradingModel> professionalFolder(Path dir) {
        if (!Files.isDirectory(dir)) throw new ModelException(dir.toString(), 0, null, "is not a folder");
        List<GradingModel> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".properties"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                GradingModel m = ModelParser.parse(f);
                if (!m.professional()) throw new ModelException(f.getFileName().toString(), 0, "model.segments",
                        "missing; every file in " + dir + " must be a professional model");
                out.add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) throw new ModelException(dir.toString(), 0, null, "holds no *.properties model file");
        return out;
    }

    /**
     * Fits each professional model of the set on the labelled firms of its scope (related firms' scores and G01 from
     * the general model, as when grading); the model files' texts, in the set's order.
     */
    public static List<String> tuneProfessional(IndicatorContext ctx, ModelSet set, java.util.Map<String, Boolean> labels,
                                                ModelTuner tuner, String note) {
        Grader.Grades general = Grader.grade(ctx, set.general(), GraderParams.DEFAULT, false, null);
        ctx.generalScore(general.score());
        List<String> out = new ArrayList<>();
        for (GradingModel p : set.professional()) out.add(tuner.tune(ctx, p, labels, note, members(ctx, p), p.version()));
        return out;
    }

    /** Per enterprise index, whether the professional model applies (a segment of its scope and its subgroup). */
    public static boolean[] members(IndicatorContext ctx, GradingModel p) {
        boolean[] sub = p.scope().subgroup().members(ctx);
        boolean[] in = new boolean[ctx.n];
        for (int i = 0; i < ctx.n; i++) {
            if (!sub[i]) continue;
            for (String s : ctx.data.segments[i]) {
                if (p.scope().segments().contains(s)) {
                    in[i] = true;
                    break;
                }
            }
        }
        return in;
    }

    static Grader.Grades combine(IndicatorContext ctx, ModelSet set, GraderParams params) {
        GradingModel g = set.general();
        Grader.Grades general = Grader.grade(ctx, g, params, false, null);
        ctx.generalScore(general.score());
        if (!ctx.hasFirstPass() && set.professional().stream()
                .anyMatch(p -> p.entries().stream().anyMatch(e -> e.indicator().usesScores()))) {
            ctx.firstPassScore(Grader.firstPass(ctx, g, params));
        }
        List<boolean[]> members = set.professional().stream().map(p -> members(ctx, p)).toList();
        Refiner refiner = new Refiner(ctx, set, params, members, null);
        int n = ctx.n;
        double[] score = new double[n];
        char[] grade = new char[n];
        String[] name = new String[n];
        List<List<Grader.Reason>> reasons = new ArrayList<>(general.reasons());
        for (int i = 0; i < n; i++) refiner.refine(i, general.score()[i], general.reasons().get(i), score, grade, name, reasons);
        return new Grader.Grades(g, score, grade, reasons, name);
    }

    /**
     * The professional models and trigger rules of a set prepared on one context (which holds the general scores
     * and the first pass), applied firm by firm over the general grade: a full grade refines every firm, a re-grade
     * the firms whose inputs changed.
     */
    static final class Refiner {
        private final GradingModel general;
        private final int topReasons;
        private final List<GradingModel> professional = new ArrayList<>();
        private final List<boolean[]> members = new ArrayList<>();
        private final List<Grader.Scorer> scorers = new ArrayList<>();
        private final List<GradingModel> triggerModels;
        private final List<List<double[]>> triggerValues = new ArrayList<>();

        /**
         * @param members   per professional model of the set (its order) whether it applies, by enterprise index
         * @param binCounts per professional model its {@link Grader.Scorer#binCounts}; null = count them here
         */
        Refiner(IndicatorContext ctx, ModelSet set, GraderParams params, List<boolean[]> members, List<int[][]> binCounts) {
            general = set.general();
            topReasons = params.topReasons();
            for (int m = 0; m < set.professional().size(); m++) {
                boolean[] in = members.get(m);
                boolean any = false;
                for (boolean b : in) any |= b;
                if (!any) continue;
                GradingModel p = set.professional().get(m);
                professional.add(p);
                this.members.add(in);
                // the general model's first pass stays in force: related firms' scores mean the same for every model
                scorers.add(new Grader.Scorer(ctx, p, params,
                        binCounts == null ? Grader.Scorer.binCounts(ctx, p, params) : binCounts.get(m)));
            }
            triggerModels = distinctTriggerModels(set);
            for (GradingModel m : triggerModels) {
                List<double[]> values = new ArrayList<>();
                for (Indicator ind : m.trigger().indicators()) values.add(ctx.values(ind).value());
                triggerValues.add(values);
            }
        }

        /** Firm i's final score, grade, model name and reasons from its general grade, into the arrays. */
        void refine(int i, double generalScore, List<Grader.Reason> generalReasons, double[] score, char[] grade,
                    String[] name, List<List<Grader.Reason>> reasons) {
            score[i] = generalScore;
            name[i] = general.name();
            List<Grader.Reason> why = generalReasons;
            GradingModel applied = null;
            double best = -1;
            for (int m = 0; m < professional.size(); m++) {
                if (!members.get(m)[i]) continue;
                GradingModel p = professional.get(m);
                Grader.Scorer pro = scorers.get(m);
                double w = p.scope().blend();
                double mapped = general.logit().score(p.logit().logOdds(pro.score(i)));
                double blended = Math.round(((1 - w) * generalScore + w * mapped) * 100) / 100.0;
                // a firm in several scopes takes the highest blend
                if (blended <= best) continue;
                best = blended;
                score[i] = blended;
                name[i] = general.name() + "+" + p.name();
                applied = p;
                why = merge(generalReasons, 1 - w, pro.reasons(i), w, topReasons);
            }
            grade[i] = general.grade(score[i]);
            for (int t = 0; t < triggerModels.size(); t++) {
                GradingModel m = triggerModels.get(t);
                // the general model's trigger applies to firms without a professional model
                if (m.professional() ? applied != m : applied != null) continue;
                why = trigger(m, triggerValues.get(t), i, grade, why);
            }
            reasons.set(i, why);
        }
    }

    private static List<GradingModel> distinctTriggerModels(ModelSet set) {
        List<GradingModel> out = new ArrayList<>();
        if (set.general().trigger() != null) out.add(set.general());
        for (GradingModel p : set.professional()) if (p.trigger() != null) out.add(p);
        return out;
    }

    /**
     * Trigger supervision: a firm graded by {@code m} gets at least the rule's grade when its trigger factors are
     * present; its reasons (returned) then start with the rule.
     */
    private static List<Grader.Reason> trigger(GradingModel m, List<double[]> values, int i, char[] grade,
                                               List<Grader.Reason> reasons) {
        GradingModel.TriggerRule rule = m.trigger();
        int present = 0;
        StringBuilder what = new StringBuilder();
        for (int j = 0; j < values.size(); j++) {
            double v = values.get(j)[i];
            if (v >= 1) {
                present++;
                Indicator ind = rule.indicators().get(j);
                if (!what.isEmpty()) what.append(", ");
                what.append(ind.code()).append(' ').append(ind.nameEn()).append(" = ").append(fmt(v));
            }
        }
        if (present == 0) return reasons;
        char floor = present >= 2 ? rule.multiple() : rule.single();
        if (grade[i] >= floor) return reasons;
        grade[i] = floor;
        List<Grader.Reason> r = new ArrayList<>();
        r.add(new Grader.Reason(Grader.Reason.TRIGGER, "触发式监管", "trigger supervision", null, present, 0, 0,
                what + " -> grade at least " + floor + " (" + m.name() + ")"));
        r.addAll(reasons);
        return List.copyOf(r);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }

    /** Both models' reasons, each contribution scaled by its model's share of the blend, the largest first. */
    private static List<Grader.Reason> merge(List<Grader.Reason> general, double wg, List<Grader.Reason> pro, double wp, int max) {
        List<Grader.Reason> all = new ArrayList<>();
        for (Grader.Reason r : pro) all.add(scaled(r, wp));
        for (Grader.Reason r : general) {
            if (all.stream().noneMatch(x -> x.code().equals(r.code()))) all.add(scaled(r, wg));
        }
        // scaled by a small share a reason can fall below what is shown (0.01 points): it no longer sets the firm apart
        all.removeIf(r -> r.contribution() < Grader.MIN_REASON_CONTRIBUTION);
        all.sort(Comparator.comparingDouble(Grader.Reason::contribution).reversed());
        return List.copyOf(all.subList(0, Math.min(max, all.size())));
    }

    private static Grader.Reason scaled(Grader.Reason r, double w) {
        return new Grader.Reason(r.code(), r.nameZh(), r.nameEn(), r.category(), r.value(), r.points(),
                Math.round(r.contribution() * w * 100) / 100.0, r.source());
    }
}
