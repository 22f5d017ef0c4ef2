package io.riskgraph.ingest.generator;

import java.util.SplittableRandom;

/** Seeded, order-independent random streams: one per (seed, purpose, index), so that every row is reproducible. */
final class Rand {
    private Rand() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static SplittableRandom of(long seed, int stream, long index) {
        return new SplittableRandom(mix(mix(seed) + stream * 0xD1B54A32D192ED03L + mix(index + 0x632BE59BD9B4E019L)));
    }

    /** Poisson for small means (Knuth); the means used here stay below ~30. */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) return 0;
        if (mean > 30) return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        double l = StrictMath.exp(-mean), prod = r.nextDouble();
        int k = 0;
        while (prod > l) {
            k++;
            prod *= r.nextDouble();
        }
        return k;
    }

    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * StrictMath.exp(sigma * r.nextGaussian());
    }

    static double sigmoid(double x) { return 1.0 / (1.0 + StrictMath.exp(-x)); }
}
