package io.riskgraph.risk.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.eclipse.collections.impl.list.mutable.primitive.BooleanArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.FloatArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Exact path-dependent TreeSHAP (Lundberg et al. 2020; the values XGBoost's {@code predictContrib} gives) for shallow
 * trees, by table. In a tree with k splits a row's SHAP values depend only on which way the row goes at each of the k
 * splits (those off its own path too: the expectations over absent features pass through them). So each tree keeps,
 * per pattern of directions, the contributions of its features, computed once by the Shapley formula over the tree's
 * features; explaining a row is then k comparisons and one table row per tree.
 * <p>
 * Why: XGBoost's TreeSHAP walks every path of every tree for every row; at 2.9 M firms and 394 depth-3 trees it took
 * about 230 of the 266 s that scoring a city took (BENCHMARKS.md, "Grading with reasons"). The tables give the same
 * values (to float rounding) in a fraction of that.
 * <p>
 * Built from the booster's JSON model; trees with more than {@link #MAX_SPLITS} splits or distinct features have no
 * table ({@link #of} returns null) and the caller falls back to XGBoost. Immutable and thread-safe once built.
 */
public final class TreeShap {
    /** Splits (and distinct features) per tree at most: 2^7 patterns × 2^7 coalitions, the splits of a depth-3 tree. */
    public static final int MAX_SPLITS = 7;
    /** Rows explained per parallel task: their outputs (rows × features × 4 bytes) stay in the second-level cache. */
    static final int BLOCK = 256;

    private final int ncol;
    /** The model's base margin plus every tree's expected value: the bias column. */
    private final double bias, baseMargin;
    /** Per tree t: its splits are [splitStart[t], splitStart[t+1]), its features [featStart[t], featStart[t+1]). */
    private final int[] splitStart, featStart, tableStart;
    private final int[] splitFeature;
    private final float[] splitThreshold;
    private final boolean[] splitDefaultLeft;
    private final int[] treeFeature;
    /** Per tree, per direction pattern, the contribution of each of its features. */
    private final float[] table;

    private TreeShap(int ncol, double bias, double baseMargin, int[] splitStart, int[] featStart, int[] tableStart, int[] splitFeature,
                     float[] splitThreshold, boolean[] splitDefaultLeft, int[] treeFeature, float[] table) {
        this.ncol = ncol;
        this.bias = bias;
        this.baseMargin = baseMargin;
        this.splitStart = splitStart;
        this.featStart = featStart;
        this.tableStart = tableStart;
        this.splitFeature = splitFeature;
        this.splitThreshold = splitThreshold;
        this.splitDefaultLeft = splitDefaultLeft;
        this.treeFeature = treeFeature;
        this.table = table;
    }

    public int columns() { return ncol; }

    /** The bias: base margin plus every tree's expected value. */
    public double bias() { return bias; }

    /**
     * The tables of an XGBoost gbtree model saved as JSON ({@code Booster.toByteArray("json")}) with a base margin of 0
     * (see {@link #withBaseMargin}), or null when a tree is too deep for a table or the model is not a plain numerical
     * gbtree.
     */
    public static TreeShap of(byte[] jsonModel, int ncol) {
        JsonNode model;
        try {
            // XGBoost writes -Infinity and NaN as bare tokens (a loss change, a split below every value)
            model = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(jsonModel);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an XGBoost JSON model: " + e.getMessage(), e);
        }
        JsonNode booster = model.path("learner").path("gradient_booster");
        if (!"gbtree".equals(booster.path("name").asText())) return null;
        JsonNode trees = booster.path("model").path("trees");
        Builder b = new Builder(ncol);
        for (JsonNode t : trees) {
            if (!b.add(t)) return null;
        }
        return b.build();
    }

    /**
     * The same tables starting every row from {@code baseMargin} (XGBoost's {@code base_score} in log-odds; the caller
     * reads it off one prediction rather than from the objective's link function).
     */
    public TreeShap withBaseMargin(double baseMargin) {
        return new TreeShap(ncol, bias - this.baseMargin + baseMargin, baseMargin, splitStart, featStart, tableStart,
                splitFeature, splitThreshold, splitDefaultLeft, treeFeature, table);
    }

    /**
     * Whether feature {@code feature} at {@code a} and at {@code b} goes the same way at every split of every tree:
     * then a row's margin and contributions are the same with either value (they depend only on the directions).
     */
    public boolean sameSides(int feature, float a, float b) {
        if (Float.compare(a, b) == 0) return true;
        int[] splits = splitsOf()[feature];
        if (!Float.isNaN(a) && !Float.isNaN(b)) {
            // x goes left at t when x < t: a and b part at the thresholds in (min, max]
            float[] t = thresholdsOf()[feature];
            return above(t, Math.min(a, b)) == above(t, Math.max(a, b));
        }
        for (int s : splits) {
            float t = splitThreshold[s];
            boolean left = splitDefaultLeft[s];
            if ((Float.isNaN(a) ? left : a < t) != (Float.isNaN(b) ? left : b < t)) return false;
        }
        return true;
    }

    /** The number of thresholds (ascending) above x. */
    private static int above(float[] t, float x) {
        int lo = 0, hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] > x) hi = mid; else lo = mid + 1;
        }
        return t.length - lo;
    }

    /** Per feature its splits, and their thresholds ascending: built on first use. */
    private volatile int[][] splitsByFeature;
    private volatile float[][] thresholdsByFeature;

    private int[][] splitsOf() {
        if (splitsByFeature == null) {
            int[][] by = new int[ncol][];
            int[] count = new int[ncol];
            for (int f : splitFeature) count[f]++;
            for (int j = 0; j < ncol; j++) by[j] = new int[count[j]];
            Arrays.fill(count, 0);
            for (int s = 0; s < splitFeature.length; s++) by[splitFeature[s]][count[splitFeature[s]]++] = s;
            splitsByFeature = by;
        }
        return splitsByFeature;
    }

    private float[][] thresholdsOf() {
        if (thresholdsByFeature == null) {
            int[][] splits = splitsOf();
            float[][] t = new float[ncol][];
            for (int j = 0; j < ncol; j++) {
                t[j] = new float[splits[j].length];
                for (int k = 0; k < t[j].length; k++) t[j][k] = splitThreshold[splits[j][k]];
                Arrays.sort(t[j]);
            }
            thresholdsByFeature = t;
        }
        return thresholdsByFeature;
    }

    /** The row's margin (log-odds): the bias plus its contributions, i.e. the base margin plus the leaves it reaches. */
    public double margin(float[] rows, int r) {
        float[][] out = new float[1][ncol + 1];
        explain(rows, r, r + 1, out, r);
        double s = 0;
        for (float v : out[0]) s += v;
        return s;
    }

    /** Per row the contribution of each feature in log-odds, and the bias last, as XGBoost's predictContrib. */
    public float[][] contributions(float[] rows, int nrow) {
        if (rows.length < (long) nrow * ncol) {
            throw new IllegalArgumentException(nrow + " rows of " + ncol + " columns need " + (long) nrow * ncol + " values, got " + rows.length);
        }
        float[][] out = new float[nrow][ncol + 1];
        int blocks = (nrow + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> explain(rows, b * BLOCK, Math.min(nrow, (b + 1) * BLOCK), out, 0));
        return out;
    }

    /**
     * Explains rows [from, to) into out[r - outFrom]. Tree by tree over the block's rows, so that one tree's table
     * stays in the first-level cache, and split by split over a column-major copy of the block, so that a split reads
     * one feature of consecutive rows (row by row over all trees, each tree's table row and each split's feature were
     * cache misses).
     */
    private void explain(float[] rows, int from, int to, float[][] out, int outFrom) {
        int b = to - from;
        float[] cols = new float[ncol * b];
        for (int r = 0; r < b; r++) {
            int at = (from + r) * ncol;
            for (int j = 0; j < ncol; j++) cols[j * b + r] = rows[at + j];
        }
        int[] pattern = new int[b];
        int trees = splitStart.length - 1;
        for (int t = 0; t < trees; t++) {
            int s0 = splitStart[t], s1 = splitStart[t + 1];
            int f0 = featStart[t], m = featStart[t + 1] - f0, t0 = tableStart[t];
            Arrays.fill(pattern, 0);
            for (int s = s0; s < s1; s++) {
                int base = splitFeature[s] * b, bit = 1 << (s - s0);
                float threshold = splitThreshold[s];
                boolean missingLeft = splitDefaultLeft[s];
                for (int r = 0; r < b; r++) {
                    float x = cols[base + r];
                    if (Float.isNaN(x) ? missingLeft : x < threshold) pattern[r] |= bit;
                }
            }
            for (int r = 0; r < b; r++) {
                float[] o = out[from + r - outFrom];
                int row = t0 + pattern[r] * m;
                for (int i = 0; i < m; i++) o[treeFeature[f0 + i]] += table[row + i];
            }
        }
        for (int r = from; r < to; r++) out[r - outFrom][ncol] = (float) bias;
    }

    /** Reads trees one at a time and computes their tables. */
    private static final class Builder {
        private final int ncol;
        private final IntArrayList splitStart = new IntArrayList(), featStart = new IntArrayList(), tableStart = new IntArrayList();
        private final IntArrayList splitFeature = new IntArrayList(), treeFeature = new IntArrayList();
        private final FloatArrayList thresholds = new FloatArrayList();
        private final BooleanArrayList defaultLeft = new BooleanArrayList();
        private float[] table = new float[1024];
        private int tableSize;
        private double expected;

        Builder(int ncol) {
            this.ncol = ncol;
            splitStart.add(0);
            featStart.add(0);
        }

        boolean add(JsonNode t) {
            int[] left = ints(t.path("left_children")), right = ints(t.path("right_children"));
            int[] split = ints(t.path("split_indices"));
            float[] cond = floats(t.path("split_conditions")), cover = floats(t.path("sum_hessian"));
            int[] defaultL = ints(t.path("default_left"));
            int[] type = ints(t.path("split_type"));
            int n = left.length;
            if (n == 0 || right.length != n || split.length != n || cond.length != n || cover.length != n || defaultL.length != n) {
                throw new IllegalArgumentException("tree " + t.path("id").asText() + " has arrays of different lengths");
            }
            // splits in node order; their distinct features in first-seen order
            int[] splitOf = new int[n];
            Arrays.fill(splitOf, -1);
            Map<Integer, Integer> featurePos = new LinkedHashMap<>();
            int k = 0;
            for (int v = 0; v < n; v++) {
                if (left[v] < 0) continue;
                if (type.length == n && type[v] != 0) return false; // categorical split
                if (split[v] < 0 || split[v] >= ncol) throw new IllegalArgumentException("tree splits on feature " + split[v] + " of " + ncol);
                splitOf[v] = k++;
                featurePos.putIfAbsent(split[v], featurePos.size());
            }
            int m = featurePos.size();
            if (k > MAX_SPLITS || m > MAX_SPLITS) return false;
            int[] nodeFeat = new int[n];
            for (int v = 0; v < n; v++) nodeFeat[v] = left[v] < 0 ? -1 : featurePos.get(split[v]);
            // expectations f_S for every pattern and coalition S of the tree's features
            int patterns = 1 << k, coalitions = 1 << m;
            double[] weight = shapleyWeights(m);
            grow(tableSize + patterns * m);
            for (int p = 0; p < patterns; p++) {
                double[] f = new double[coalitions];
                for (int s = 0; s < coalitions; s++) f[s] = expectation(0, p, s, left, right, cond, cover, splitOf, nodeFeat);
                for (int i = 0; i < m; i++) {
                    double phi = 0;
                    for (int s = 0; s < coalitions; s++) {
                        if ((s & (1 << i)) != 0) continue;
                        phi += weight[Integer.bitCount(s)] * (f[s | (1 << i)] - f[s]);
                    }
                    table[tableSize + p * m + i] = (float) phi;
                }
                if (p == 0) expected += f[0];
            }
            tableStart.add(tableSize);
            tableSize += patterns * m;
            for (int v = 0; v < n; v++) {
                if (splitOf[v] < 0) continue;
                splitFeature.add(split[v]);
                thresholds.add(cond[v]);
                defaultLeft.add(defaultL[v] != 0);
            }
            for (int f : featurePos.keySet()) treeFeature.add(f);
            splitStart.add(splitFeature.size());
            featStart.add(treeFeature.size());
            return true;
        }

        /**
         * The tree's expected value at node v when the features in coalition s follow the row (whose directions are
         * pattern p) and the others split by cover, as XGBoost's TreeSHAP and its node mean values weigh them.
         */
        private static double expectation(int v, int p, int s, int[] left, int[] right, float[] cond, float[] cover,
                                          int[] splitOf, int[] nodeFeat) {
            if (left[v] < 0) return cond[v];
            if ((s & (1 << nodeFeat[v])) != 0) {
                boolean goesLeft = (p & (1 << splitOf[v])) != 0;
                return expectation(goesLeft ? left[v] : right[v], p, s, left, right, cond, cover, splitOf, nodeFeat);
            }
            int l = left[v], r = right[v];
            return (cover[l] * expectation(l, p, s, left, right, cond, cover, splitOf, nodeFeat)
                    + cover[r] * expectation(r, p, s, left, right, cond, cover, splitOf, nodeFeat)) / cover[v];
        }

        /** w[z] = z!(m−z−1)!/m!: the weight of a coalition of z others in feature i's Shapley value among m. */
        private static double[] shapleyWeights(int m) {
            double[] w = new double[Math.max(m, 1)];
            for (int z = 0; z < m; z++) w[z] = factorial(z) * factorial(m - z - 1) / factorial(m);
            return w;
        }

        private static double factorial(int n) {
            double f = 1;
            for (int i = 2; i <= n; i++) f *= i;
            return f;
        }

        private void grow(int size) {
            if (size > table.length) table = Arrays.copyOf(table, Math.max(size, table.length * 2));
        }

        TreeShap build() {
            return new TreeShap(ncol, expected, 0, splitStart.toArray(), featStart.toArray(), tableStart.toArray(),
                    splitFeature.toArray(), thresholds.toArray(), defaultLeft.toArray(), treeFeature.toArray(),
                    Arrays.copyOf(table, tableSize));
        }

        private static int[] ints(JsonNode a) {
            int[] out = new int[a.size()];
            for (int i = 0; i < out.length; i++) out[i] = a.get(i).asInt();
            return out;
        }

        private static float[] floats(JsonNode a) {
            float[] out = new float[a.size()];
            for (int i = 0; i < out.length; i++) out[i] = (float) a.get(i).asDouble();
            return out;
        }
    }
}
