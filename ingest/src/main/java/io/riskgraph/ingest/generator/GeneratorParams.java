package io.riskgraph.ingest.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What the synthetic city generator makes. All values are validated at construction with precise messages.
 *
 * @param enterprises         number of enterprises (the city's market entities), 1..{@value #MAX_ENTERPRISES}
 * @param seed                the random seed: same seed and parameters give byte-identical files
 * @param windowEnd           last day of the observed history; the ground-truth half-year follows it
 * @param historyYears        length of the observed history window in years, 1..10
 * @param supervisedShare     share of enterprises in at least one of the 14 supervised segments, (0, 1]
 * @param targetViolationRate mean probability of a violation in the half-year after the window, (0, 0.5]
 * @param contagion           strength of risk spreading along control and ownership, 0 (none) .. 3; 1 = default;
 *                            scales the mechanics' {@link Mechanics.Spread} as a whole
 * @param mechanics           how the city works: which segments and events carry risk, how it spreads, how inspections
 *                            are targeted; {@link Mechanics#DEFAULT} is the city as it has always been generated
 */
public record GeneratorParams(int enterprises, long seed, LocalDate windowEnd, int historyYears,
                              double supervisedShare, double targetViolationRate, double contagion,
                              Mechanics mechanics) {

    public static final int DEFAULT_ENTERPRISES = 100_000;
    public static final int MAX_ENTERPRISES = 50_000_000;
    public static final long DEFAULT_SEED = 20251222L;
    public static final LocalDate DEFAULT_WINDOW_END = LocalDate.of(2026, 6, 30);
    public static final int DEFAULT_HISTORY_YEARS = 3;
    /** 650,000 of 2.9 million enterprises are in the 14 supervised segments (Shanghai, seed report). */
    public static final double DEFAULT_SUPERVISED_SHARE = 650_000.0 / 2_900_000.0;
    public static final double DEFAULT_TARGET_VIOLATION_RATE = 0.09;
    public static final double DEFAULT_CONTAGION = 1.0;
    static final LocalDate MIN_WINDOW_END = LocalDate.of(2005, 1, 1);
    static final LocalDate MAX_WINDOW_END = LocalDate.of(2040, 12, 31);

    public GeneratorParams {
        if (enterprises <= 0) {
            throw new IllegalArgumentException("enterprises must be at least 1, got " + enterprises);
        }
        if (enterprises > MAX_ENTERPRISES) {
            throw new IllegalArgumentException("enterprises must be at most " + MAX_ENTERPRISES + ", got " + enterprises);
        }
        if (windowEnd == null) throw new IllegalArgumentException("windowEnd must be given (e.g. 2026-06-30)");
        if (windowEnd.isBefore(MIN_WINDOW_END) || windowEnd.isAfter(MAX_WINDOW_END)) {
            throw new IllegalArgumentException("windowEnd must be between " + MIN_WINDOW_END + " and " + MAX_WINDOW_END
                    + ", got " + windowEnd);
        }
        if (historyYears < 1 || historyYears > 10) {
            throw new IllegalArgumentException("historyYears must be between 1 and 10, got " + historyYears);
        }
        if (!(supervisedShare > 0 && supervisedShare <= 1)) {
            throw new IllegalArgumentException("supervisedShare must be in (0, 1], got " + supervisedShare);
        }
        if (!(targetViolationRate > 0 && targetViolationRate <= 0.5)) {
            throw new IllegalArgumentException("targetViolationRate must be in (0, 0.5], got " + targetViolationRate);
        }
        if (!(contagion >= 0 && contagion <= 3)) {
            throw new IllegalArgumentException("contagion must be in [0, 3], got " + contagion);
        }
        if (mechanics == null) {
            throw new IllegalArgumentException("mechanics must be given (e.g. Mechanics.DEFAULT); presets "
                    + Mechanics.presetNames());
        }
    }

    /** With the default mechanics. */
    public GeneratorParams(int enterprises, long seed, LocalDate windowEnd, int historyYears,
                           double supervisedShare, double targetViolationRate, double contagion) {
        this(enterprises, seed, windowEnd, historyYears, supervisedShare, targetViolationRate, contagion,
                Mechanics.DEFAULT);
    }

    /** The defaults for everything but the size and seed. */
    public static GeneratorParams of(int enterprises, long seed) {
        return new GeneratorParams(enterprises, seed, DEFAULT_WINDOW_END, DEFAULT_HISTORY_YEARS,
                DEFAULT_SUPERVISED_SHARE, DEFAULT_TARGET_VIOLATION_RATE, DEFAULT_CONTAGION, Mechanics.DEFAULT);
    }

    public static GeneratorParams defaults() { return of(DEFAULT_ENTERPRISES, DEFAULT_SEED); }

    public GeneratorParams withEnterprises(int n) {
        return new GeneratorParams(n, seed, windowEnd, historyYears, supervisedShare, targetViolationRate, contagion, mechanics);
    }

    public GeneratorParams withSeed(long s) {
        return new GeneratorParams(enterprises, s, windowEnd, historyYears, supervisedShare, targetViolationRate, contagion, mechanics);
    }

    public GeneratorParams withWindowEnd(LocalDate end) {
        return new GeneratorParams(enterprises, seed, end, historyYears, supervisedShare, targetViolationRate, contagion, mechanics);
    }

    public GeneratorParams withContagion(double c) {
        return new GeneratorParams(enterprises, seed, windowEnd, historyYears, supervisedShare, targetViolationRate, c, mechanics);
    }

    public GeneratorParams withMechanics(Mechanics m) {
        return new GeneratorParams(enterprises, seed, windowEnd, historyYears, supervisedShare, targetViolationRate,
                contagion, m);
    }

    /** First day of the observed history. */
    public LocalDate windowStart() { return windowEnd.minusYears(historyYears).plusDays(1); }

    /**
     * Refuses an output folder the generator must not write: a path that is a file, or an existing non-empty folder
     * unless {@code force}. Call it before any work so that nothing is half-written.
     *
     * @throws IllegalArgumentException with a message naming the path and the way out
     */
    public static void checkOutputDir(Path outDir, boolean force) {
        if (outDir == null) throw new IllegalArgumentException("output folder must be given");
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("output path " + outDir + " exists and is not a folder");
        }
        if (Files.isDirectory(outDir) && !force && !isEmptyDir(outDir)) {
            throw new IllegalArgumentException("output folder " + outDir
                    + " exists and is not empty; choose another folder or use --force to replace it");
        }
        Path parent = outDir.toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("parent of output folder " + outDir + " is not a folder");
        }
    }

    static boolean isEmptyDir(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read output folder " + dir, e);
        }
    }
}
