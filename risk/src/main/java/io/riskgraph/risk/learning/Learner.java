package io.riskgraph.risk.learning;

import io.riskgraph.risk.grading.GraderParams;
import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.risk.grading.RiskModel;
import ml.dmlc.xgboost4j.java.Booster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Learns a grading model from outcomes and checks it out of time (docs/models.md, "Learning").
 *
 * <p>From the store's history: the test window is the last {@code windowDays} before the as-of day; up to
 * {@code maxWindows} earlier windows of the same length train. Each window's labelled firms get their features as of
 * the window's start, so nothing inside a window reaches its features. The back-test model is fitted on the training
 * windows only and scored on the test window beside the prior (the shipped scorecards, graded as of the test
 * window's start) and the one-line baseline (the firm's event count); the model that is saved is then refitted on
 * every window, the test window included, with the same settings.
 *
 * <p>Selection bias: targeted inspections over-represent firms already suspected. Firms drawn by a double-random
 * inspection are a sample of the population, so they are weighted up (by default until they weigh as much as all
 * targeted firms together), and the AUC on the random draws of the test window is reported beside the AUC on all
 * labelled firms, for the model fitted with and without the correction.
 */
public final class Learner {
    /** Folds of the cross-validation that checks a model learned from a labels file. */
    public static final int FOLDS = 5;
    /** The most a random draw is weighted against a targeted firm. */
    public static final double MAX_RANDOM_WEIGHT = 50;

    private Learner() {}

    /**
     * @param model      the model to save (refitted on all labels)
     * @param report     the out-of-time back-test, as printed and saved beside the model
     * @param beatsPrior whether the model ranked the held-out outcomes better than the prior
     */
    public record Result(LearnedModel model, List<String> report, String summary, boolean beatsPrior,
                         Evaluation learned, Evaluation prior, Evaluation baseline, List<SegmentResult> segments) {}

    /** A segment that had enough outcomes for a model of its own: out-of-time AUCs on its test firms. */
    public record SegmentResult(String segment, int trainingLabelled, int testFirms, double priorAuc, double generalAuc,
                                double segmentAuc, boolean kept) {}

    /** Rows of one label window: firms, features as of its start, labels, random draws. */
    private record Window(Outcomes outcomes, float[] rows, int startDay) {
        int size() { return outcomes.size(); }
    }

    public static Result fromHistory(GradingData data, LocalDate asOf, LearnParams p, RiskModel prior, Consumer<String> log) {
        LocalDate first = data.earliestEventDay();
        if (first == null) throw new IllegalArgumentException("the store holds no event to learn from");
        if (asOf.isBefore(first)) throw new IllegalArgumentException("the as-of day " + asOf + " is before the first event (" + first + ")");
        int a = (int) asOf.toEpochDay(), w = p.windowDays(), e = (int) first.toEpochDay();
        if (a - 2 * w < e) {
            throw new IllegalArgumentException("learning from history needs a test window and at least one earlier window of "
                    + w + " days after the first event (" + first + "); the as-of day " + asOf + " leaves "
                    + (a - e) + " days. Use --window with fewer days or --labels");
        }
        List<Feature> features = FeatureMatrix.all();
        // window k: labels in (a-(k+1)w, a-kw], features as of a-(k+1)w; k = 0 is the test window
        List<Window> windows = new ArrayList<>();
        double[] priorScore = null, baselineScore = null;
        // of the test window's context only what is needed later, so that no window's context outlives its loop turn
        // (at 2.9 M firms a context's cached columns are gigabytes)
        LocalDate testAsOf = null;
        int[] sample = populationSample(data.enterpriseCount(), p);
        float[] testSampleRows = null;
        double[] testEventCount = null;
        long trainRows = 0;
        for (int k = 0; k <= p.maxWindows(); k++) {
            int start = a - (k + 1) * w;
            if (start < e) break;
            if (k >= 2 && trainRows >= p.maxRows()) {
                log.accept(String.format(Locale.ROOT, "  training windows stop at %d: they hold %,d labelled firms (a fit uses at most %,d)",
                        k - 1, trainRows, p.maxRows()));
                break;
            }
            long t = System.nanoTime();
            IndicatorContext ctx = new IndicatorContext(data, LocalDate.ofEpochDay(start));
            Outcomes o = Outcomes.fromHistory(data, start, start + w);
            if (k == 0) {
                // the test window also scores a uniform sample of the population (grade cut-offs): one pass over
                // the labelled firms and the sample together
                int[] both = union(o.firm(), sample);
                float[] rows = FeatureMatrix.rowsOf(ctx, features, both);
                windows.add(new Window(o, rowsAt(rows, both, o.firm(), features.size()), start));
                testSampleRows = rowsAt(rows, both, sample, features.size());
                testAsOf = ctx.asOf;
                testEventCount = FeatureMatrix.ownEventCount(ctx);
            } else {
                // a training window needs its labelled firms only: the related-party aggregates (2-hop sets, the
                // costliest features at city scale) are computed for those alone
                windows.add(new Window(o, FeatureMatrix.rowsOf(ctx, features, o.firm()), start));
                trainRows += o.size();
            }
            log.accept(String.format(Locale.ROOT, "  window %s: %,d labelled firms, %,d positive, %,d drawn at random (features in %,d ms)",
                    k == 0 ? "test " : "train", o.size(), o.positives(), o.randoms(), (System.nanoTime() - t) / 1_000_000));
        }
        if (windows.size() < 2) throw new IllegalArgumentException("learning from history needs at least two label windows of "
                + w + " days; the history from " + first + " to " + asOf + " holds " + windows.size());
        Window test = windows.get(0);
        List<Window> train = windows.subList(1, windows.size());
        checkCounts(train, "the training windows");
        checkCounts(List.of(test), "the test window");

        long t = System.nanoTime();
        double rw = randomWeight(train, p);
        Trees.Fit backtestFit = fit(train, features, p, rw, 0);
        Booster backtest = backtestFit.booster();
        // what the bias correction changes: the same rounds without it
        Booster uncorrected = rw == 1 ? null : fit(train, features, p, 1, backtestFit.rounds()).booster();
        Outcomes to = test.outcomes();
        double[] learned = probabilities(backtest, test.rows(), to.size(), features.size());
        log.accept(String.format(Locale.ROOT, "  back-test fits (bias-corrected%s) in %,d ms", uncorrected == null ? "" : " and not",
                (System.nanoTime() - t) / 1_000_000));
        t = System.nanoTime();
        // the prior must not see analyze's event-derived columns, computed over the test window's events too
        priorScore = pick(prior.grade(new IndicatorContext(data.withoutEventAnalyses(), testAsOf), GraderParams.DEFAULT).score(), to.firm());
        log.accept(String.format(Locale.ROOT, "  prior graded as of the test window's start in %,d ms", (System.nanoTime() - t) / 1_000_000));
        t = System.nanoTime();
        baselineScore = pick(testEventCount, to.firm());
        Evaluation el = Evaluation.of("learned (" + p.kind().name().toLowerCase(Locale.ROOT) + ")", learned, to, p.coverage(), true);
        Evaluation eu = uncorrected == null ? null : Evaluation.of("learned, no bias correction",
                probabilities(uncorrected, test.rows(), to.size(), features.size()), to, p.coverage(), true);
        Evaluation ep = Evaluation.of("prior " + prior.name(), priorScore, to, p.coverage(), false);
        Evaluation eb = Evaluation.of("baseline: event count", baselineScore, to, p.coverage(), false);

        // per-segment models, kept only where they beat the general model on the segment's test firms
        Map<String, Booster> segmentBacktest = new LinkedHashMap<>();
        Map<String, Integer> segmentRounds = new LinkedHashMap<>();
        List<String> segmentLines = new ArrayList<>();
        List<SegmentResult> segmentResults = new ArrayList<>();
        for (String seg : segments(data)) {
            List<Window> segTrain = train.stream().map(x -> restrict(x, data, seg, features.size())).toList();
            Window segTest = restrict(test, data, seg, features.size());
            int labelled = segTrain.stream().mapToInt(Window::size).sum();
            int positives = segTrain.stream().mapToInt(x -> x.outcomes().positives()).sum();
            if (labelled < p.segmentMinimum() || positives < p.segmentMinimumPositives()) continue;
            if (segTest.outcomes().positives() < LearnParams.MIN_CLASS
                    || segTest.size() - segTest.outcomes().positives() < LearnParams.MIN_CLASS) continue;
            Trees.Fit sf = fit(segTrain, features, p, randomWeight(segTrain, p), 0);
            Booster b = sf.booster();
            int[] at = positions(test, data, seg);
            double general = Evaluation.of("", pick(learned, at), segTest.outcomes(), p.coverage(), false).auc();
            double own = Evaluation.of("", probabilities(b, segTest.rows(), segTest.size(), features.size()),
                    segTest.outcomes(), p.coverage(), false).auc();
            double priorSeg = Evaluation.of("", pick(priorScore, at), segTest.outcomes(), p.coverage(), false).auc();
            boolean keep = own > general;
            if (keep) {
                segmentBacktest.put(seg, b);
                segmentRounds.put(seg, sf.rounds());
            }
            segmentResults.add(new SegmentResult(seg, labelled, segTest.size(), priorSeg, general, own, keep));
            segmentLines.add(String.format(Locale.ROOT, "  %-28s %,8d %,7d   %.4f   %.4f   %.4f   %s", seg, labelled,
                    segTest.size(), priorSeg, general, own, keep ? "kept" : "not kept (general model serves)"));
        }

        log.accept(String.format(Locale.ROOT, "  professional models tried for %d segments in %,d ms", segmentResults.size(),
                (System.nanoTime() - t) / 1_000_000));
        t = System.nanoTime();

        // cut-offs from the back-test model over the population sample at the test start; expected detection per
        // grade from the labelled test firms under those cut-offs
        int m = features.size();
        double[] backtestCuts = cuts(scores(data, sample, testSampleRows, m, backtest, segmentBacktest), p.gradeShares());
        double[] detection = detection(scores(data, to.firm(), test.rows(), m, backtest, segmentBacktest), to, backtestCuts);
        testSampleRows = null;

        // the saved model: refitted on every window, the test window included, with the rounds the back-test chose
        Booster finalGeneral = fit(windows, features, p, randomWeight(windows, p), backtestFit.rounds()).booster();
        Map<String, Booster> finalSegments = new LinkedHashMap<>();
        for (String seg : segmentBacktest.keySet()) {
            List<Window> all = windows.stream().map(x -> restrict(x, data, seg, features.size())).toList();
            finalSegments.put(seg, fit(all, features, p, randomWeight(all, p), segmentRounds.get(seg)).booster());
        }
        log.accept(String.format(Locale.ROOT, "  final refit on every window in %,d ms", (System.nanoTime() - t) / 1_000_000));
        t = System.nanoTime();
        IndicatorContext now = new IndicatorContext(data, asOf);
        double[] pop = scores(data, sample, FeatureMatrix.rowsOf(now, features, sample), m, finalGeneral, finalSegments);
        LearnedModel model = new LearnedModel(0, p.kind(), asOf, features, finalGeneral, finalSegments, cuts(pop, p.gradeShares()), detection);
        log.accept(String.format(Locale.ROOT, "  grade cut-offs from %,d firms' scores as of %s in %,d ms", sample.length, asOf,
                (System.nanoTime() - t) / 1_000_000));

        boolean beats = el.auc() > ep.auc();
        List<String> report = new ArrayList<>();
        report.add("Learned from the store's history as of " + asOf + ", " + p.kind().name().toLowerCase(Locale.ROOT)
                + ", " + features.size() + " features, label windows of " + w + " days");
        report.add("  labels: a firm inspected or sampled in a window is positive when an inspection found issues, a sample");
        report.add("  failed or a penalty was imposed in the window; features as of the window's start");
        for (int k = 0; k < windows.size(); k++) {
            Window x = windows.get(k);
            report.add(String.format(Locale.ROOT, "  %s window %s .. %s: %,d labelled, %,d positive, %,d drawn at random",
                    k == 0 ? "test " : "train", LocalDate.ofEpochDay(x.startDay() + 1), LocalDate.ofEpochDay(x.startDay() + w),
                    x.size(), x.outcomes().positives(), x.outcomes().randoms()));
        }
        report.add(String.format(Locale.ROOT, "  bias correction: a firm drawn at random weighs %.2f targeted firms", rw));
        report.add("  the prior is graded as of the test window's start without analyze's event-derived columns (S18, N01 read 0),");
        report.add("  which analyze computed over every event, the test window's included");
        report.add("Out-of-time back-test on the test window (" + to.size() + " labelled firms, top "
                + Math.round(p.coverage() * 100) + " % inspected):");
        report.add(el.line());
        if (eu != null) report.add(eu.line());
        report.add(ep.line());
        report.add(eb.line());
        report.addAll(el.calibrationLines());
        if (!segmentLines.isEmpty()) {
            report.add("Professional models per segment (segment, labelled in training, test firms, AUC prior / general / segment):");
            report.addAll(segmentLines);
        } else {
            report.add("Professional models: no segment has " + p.segmentMinimum() + " labelled firms and "
                    + p.segmentMinimumPositives() + " positives in training; the general model serves every firm");
        }
        report.addAll(gradeLines(model, p));
        String summary = String.format(Locale.ROOT, "OOT AUC %.4f (prior %.4f, baseline %.4f), lift %.2f, %d segment models",
                el.auc(), ep.auc(), eb.auc(), el.result().lift(), finalSegments.size());
        return new Result(model, report, summary, beats, el, ep, eb, List.copyOf(segmentResults));
    }

    /** From a labels file: features as of the as-of day, checked by {@value #FOLDS}-fold cross-validation. */
    public static Result fromLabels(GradingData data, LocalDate asOf, Outcomes labels, LearnParams p, RiskModel prior,
                                    Consumer<String> log) {
        LocalDate first = data.earliestEventDay();
        if (first != null && asOf.isBefore(first)) {
            throw new IllegalArgumentException("the as-of day " + asOf + " is before the first event (" + first + ")");
        }
        List<Feature> features = FeatureMatrix.all();
        IndicatorContext ctx = new IndicatorContext(data, asOf);
        Window all = new Window(labels, FeatureMatrix.rows(FeatureMatrix.columns(ctx, features), labels.firm()), (int) asOf.toEpochDay());
        checkCounts(List.of(all), "the labels");
        int m = features.size(), n = all.size();
        int[] fold = folds(labels, p.seed());
        double[] oof = new double[n];
        for (int f = 0; f < FOLDS; f++) {
            int[] in = positionsWhere(fold, f, false), out = positionsWhere(fold, f, true);
            Booster b = fit(List.of(slice(all, in, m)), features, p, 1, 0).booster();
            double[] pr = probabilities(b, slice(all, out, m).rows(), out.length, m);
            for (int k = 0; k < out.length; k++) oof[out[k]] = pr[k];
            log.accept("  fold " + (f + 1) + "/" + FOLDS + " fitted");
        }
        double[] priorScore = pick(prior.grade(ctx, GraderParams.DEFAULT).score(), labels.firm());
        Evaluation el = Evaluation.of("learned (" + p.kind().name().toLowerCase(Locale.ROOT) + ", out of fold)", oof, labels, p.coverage(), true);
        Evaluation ep = Evaluation.of("prior " + prior.name(), priorScore, labels, p.coverage(), false);
        Evaluation eb = Evaluation.of("baseline: event count", pick(FeatureMatrix.ownEventCount(ctx), labels.firm()), labels, p.coverage(), false);
        Booster general = fit(List.of(all), features, p, 1, 0).booster();
        int[] sample = populationSample(data.enterpriseCount(), p);
        double[] pop = scores(data, sample, FeatureMatrix.rowsOf(ctx, features, sample), m, general, Map.of());
        double[] cuts = cuts(pop, p.gradeShares());
        double[] detection = detection(oofOnPopulationScale(oof), labels, cuts);
        LearnedModel model = new LearnedModel(0, p.kind(), asOf, features, general, Map.of(), cuts, detection);
        List<String> report = new ArrayList<>();
        report.add("Learned from " + labels + " as of " + asOf + ", " + p.kind().name().toLowerCase(Locale.ROOT) + ", "
                + features.size() + " features as of " + asOf);
        if (labels.unknown() > 0) report.add("  " + labels.unknown() + " labels name no enterprise of the store (left out)");
        report.add("Check by " + FOLDS + "-fold cross-validation (each firm scored by a model that did not see its label):");
        report.add(el.line());
        report.add(ep.line());
        report.add(eb.line());
        report.addAll(el.calibrationLines());
        report.add("Professional models: not learned from a labels file (one outcome, one general model)");
        report.addAll(gradeLines(model, p));
        String summary = String.format(Locale.ROOT, "CV AUC %.4f (prior %.4f, baseline %.4f), lift %.2f, labels %s",
                el.auc(), ep.auc(), eb.auc(), el.result().lift(), labels.source());
        return new Result(model, report, summary, el.auc() > ep.auc(), el, ep, eb, List.of());
    }

    /** Scores are 100 × probability; cut-offs compare on that scale. */
    private static double[] oofOnPopulationScale(double[] prob) {
        double[] s = new double[prob.length];
        for (int i = 0; i < s.length; i++) s[i] = LearnedModel.score(Math.log(prob[i] / (1 - prob[i])));
        return s;
    }

    private static List<String> gradeLines(LearnedModel model, LearnParams p) {
        List<String> out = new ArrayList<>();
        double[] s = p.gradeShares();
        out.add(String.format(Locale.ROOT, "Grades: D = the riskiest %.0f %%, C the next %.0f %%, B the next %.0f %%, A the rest; "
                + "score cut-offs D >= %.4f, C >= %.4f, B >= %.4f", 100 * s[0], 100 * s[1], 100 * s[2],
                model.cuts()[0], model.cuts()[1], model.cuts()[2]));
        out.add("  expected detection rate per grade (back-test: share of labelled firms with the outcome):");
        for (int g = 0; g < 4; g++) {
            double d = model.expectedDetection()[g];
            out.add(String.format(Locale.ROOT, "    %c  %s", (char) ('A' + g), Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%5.1f %%", 100 * d)));
        }
        return out;
    }

    private static void checkCounts(List<Window> windows, String what) {
        int n = windows.stream().mapToInt(Window::size).sum();
        int pos = windows.stream().mapToInt(x -> x.outcomes().positives()).sum();
        if (n < LearnParams.MIN_LABELLED) {
            throw new IllegalArgumentException("too few outcomes to learn: " + what + " hold " + n + " labelled firms, "
                    + "learning needs at least " + LearnParams.MIN_LABELLED);
        }
        if (pos == 0 || pos == n) {
            throw new IllegalArgumentException("a single class: all " + n + " labelled firms in " + what + " are "
                    + (pos == 0 ? "negative" : "positive") + "; learning needs both outcomes (at least "
                    + LearnParams.MIN_CLASS + " of each)");
        }
        if (pos < LearnParams.MIN_CLASS || n - pos < LearnParams.MIN_CLASS) {
            throw new IllegalArgumentException("too few outcomes of one class: " + what + " hold " + pos + " positive and "
                    + (n - pos) + " negative firms; learning needs at least " + LearnParams.MIN_CLASS + " of each");
        }
    }

    /** The weight of a random draw: as set, or (0 = auto) targeted / random, within 1..{@value #MAX_RANDOM_WEIGHT}. */
    static double randomWeight(List<Window> windows, LearnParams p) {
        if (p.randomWeight() > 0) return p.randomWeight();
        long random = windows.stream().mapToLong(x -> x.outcomes().randoms()).sum();
        long all = windows.stream().mapToLong(Window::size).sum();
        if (random == 0) return 1;
        return Math.max(1, Math.min(MAX_RANDOM_WEIGHT, (double) (all - random) / random));
    }

    /** Fits on the windows' rows (at most {@link LearnParams#maxRows()}); {@code rounds} 0 = by early stopping. */
    private static Trees.Fit fit(List<Window> windows, List<Feature> features, LearnParams p, double randomWeight, int rounds) {
        int m = features.size();
        int total = windows.stream().mapToInt(Window::size).sum();
        // more rows than a fit uses: a seeded uniform draw of them, so that targeted and random firms keep their mix
        boolean[] take = null;
        int n = total;
        if (total > p.maxRows()) {
            take = new boolean[total];
            for (int i : shuffledPrefix(total, p.maxRows(), p.seed())) take[i] = true;
            n = p.maxRows();
        }
        float[] rows = new float[n * m], label = new float[n], weight = new float[n];
        int at = 0, row = 0;
        for (Window x : windows) {
            for (int k = 0; k < x.size(); k++, row++) {
                if (take != null && !take[row]) continue;
                System.arraycopy(x.rows(), k * m, rows, at * m, m);
                label[at] = x.outcomes().positive()[k] ? 1 : 0;
                weight[at] = x.outcomes().random()[k] ? (float) randomWeight : 1;
                at++;
            }
        }
        return Trees.fit(rows, n, features, label, weight, p.kind(), p.seed(), rounds);
    }

    private static double[] probabilities(Booster b, float[] rows, int n, int m) {
        float[] margin = Trees.margins(b, rows, n, m);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = 1 / (1 + Math.exp(-margin[i]));
        return out;
    }

    /**
     * Scores (100 × probability) of the given firms from their row-major features, each by its segment's booster where
     * there is one.
     */
    private static double[] scores(GradingData data, int[] firms, float[] rows, int m, Booster general, Map<String, Booster> segs) {
        int n = firms.length;
        double[] out = new double[n];
        List<String> names = List.copyOf(segs.keySet());
        for (int from = 0; from < n; from += LearnedModel.CHUNK) {
            int k = Math.min(LearnedModel.CHUNK, n - from);
            float[] chunk = Arrays.copyOfRange(rows, from * m, (from + k) * m);
            float[] g = Trees.margins(general, chunk, k, m);
            for (int x = 0; x < k; x++) out[from + x] = LearnedModel.score(g[x]);
            for (String s : names) {
                float[] sm = null;
                for (int x = 0; x < k; x++) {
                    String[] fs = data.segments[firms[from + x]];
                    if (fs == null || !firstSegment(fs, names).equals(s)) continue;
                    if (sm == null) sm = Trees.margins(segs.get(s), chunk, k, m);
                    out[from + x] = LearnedModel.score(sm[x]);
                }
            }
        }
        return out;
    }

    /** Every firm when the population is at most {@link LearnParams#populationSample()}, else a seeded uniform sample. */
    static int[] populationSample(int n, LearnParams p) {
        if (n <= p.populationSample()) return java.util.stream.IntStream.range(0, n).toArray();
        int[] order = shuffledPrefix(n, p.populationSample(), p.seed());
        Arrays.sort(order);
        return order;
    }

    /** The first k of a seeded Fisher-Yates shuffle of 0..n-1. */
    private static int[] shuffledPrefix(int n, int k, long seed) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int x = a[i]; a[i] = a[j]; a[j] = x;
        }
        return Arrays.copyOf(a, k);
    }

    /** Sorted distinct firms of both lists. */
    private static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).sorted().distinct().toArray();
    }

    /** Rows of {@code firms} out of rows laid out for the sorted distinct {@code at}. */
    private static float[] rowsAt(float[] rows, int[] at, int[] firms, int m) {
        float[] out = new float[firms.length * m];
        for (int k = 0; k < firms.length; k++) {
            int i = Arrays.binarySearch(at, firms[k]);
            System.arraycopy(rows, i * m, out, k * m, m);
        }
        return out;
    }

    private static String firstSegment(String[] firmSegments, List<String> names) {
        for (String s : names) for (String f : firmSegments) if (s.equals(f)) return s;
        return "";
    }

    /** Score cut-offs D, C, B putting the given shares of the population in D, C and B. */
    static double[] cuts(double[] score, double[] shares) {
        double[] sorted = score.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] out = new double[3];
        double cum = 0;
        for (int g = 0; g < 3; g++) {
            cum += shares[g];
            int at = (int) Math.min(n - 1, Math.max(0, Math.floor(n * (1 - cum))));
            out[g] = sorted[at];
        }
        // equal cut-offs would empty a grade: nudge each strictly above the next
        for (int g = 1; g >= 0; g--) if (out[g] <= out[g + 1]) out[g] = Math.nextUp(out[g + 1]);
        return out;
    }

    /** Per grade A..D the positive share of the labelled firms graded so; NaN where no labelled firm is. */
    private static double[] detection(double[] labelledScore, Outcomes o, double[] cuts) {
        double[] pos = new double[4], all = new double[4];
        for (int k = 0; k < labelledScore.length; k++) {
            double s = labelledScore[k];
            int g = s >= cuts[0] ? 3 : s >= cuts[1] ? 2 : s >= cuts[2] ? 1 : 0;
            all[g]++;
            if (o.positive()[k]) pos[g]++;
        }
        double[] out = new double[4];
        for (int g = 0; g < 4; g++) out[g] = all[g] == 0 ? Double.NaN : pos[g] / all[g];
        return out;
    }

    private static double[] pick(double[] byFirm, int[] at) {
        double[] out = new double[at.length];
        for (int k = 0; k < at.length; k++) out[k] = byFirm[at[k]];
        return out;
    }

    private static TreeSet<String> segments(GradingData data) {
        TreeSet<String> out = new TreeSet<>();
        for (String[] s : data.segments) if (s != null) out.addAll(Arrays.asList(s));
        return out;
    }

    /** Positions (in the window) of firms in the segment. */
    private static int[] positions(Window x, GradingData data, String seg) {
        int[] firm = x.outcomes().firm();
        return java.util.stream.IntStream.range(0, firm.length).filter(k -> {
            String[] s = data.segments[firm[k]];
            return s != null && Arrays.asList(s).contains(seg);
        }).toArray();
    }

    private static Window restrict(Window x, GradingData data, String seg, int m) {
        return slice(x, positions(x, data, seg), m);
    }

    private static Window slice(Window x, int[] at, int m) {
        float[] rows = new float[at.length * m];
        for (int k = 0; k < at.length; k++) System.arraycopy(x.rows(), at[k] * m, rows, k * m, m);
        return new Window(x.outcomes().subset(at), rows, x.startDay());
    }

    /** A fold per labelled firm, stratified by class. */
    private static int[] folds(Outcomes o, long seed) {
        int[] order = Trees.shuffled(o.size(), seed);
        int[] fold = new int[o.size()];
        int pos = 0, neg = 0;
        for (int k : order) fold[k] = o.positive()[k] ? pos++ % FOLDS : neg++ % FOLDS;
        return fold;
    }

    private static int[] positionsWhere(int[] fold, int f, boolean equal) {
        return java.util.stream.IntStream.range(0, fold.length).filter(k -> (fold[k] == f) == equal).toArray();
    }
}
