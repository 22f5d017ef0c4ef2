package io.riskgraph.cli;

import io.riskgraph.progress.ProgressListener;

import java.io.PrintStream;

/**
 * A progress bar on standard error: redrawn in place on a terminal, a line per 10 % otherwise (logs, CI), so
 * long work always shows that it moves.
 */
final class ConsoleProgress implements ProgressListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private String task;
    private long total;
    private long done;
    private long started;
    private long lastDraw;
    private int lastDecile;

    ConsoleProgress(PrintStream out) {
        this(out, System.console() != null);
    }

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.done = 0;
        this.started = System.nanoTime();
        this.lastDraw = 0;
        this.lastDecile = 0;
        // with no total there is no bar to draw: a line says what runs
        if (!terminal || total < 0) out.println("  " + task + " ...");
    }

    @Override
    public synchronized void advance(long units) {
        done += units;
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw > REDRAW_NANOS) {
                lastDraw = now;
                out.print("\r" + line(now));
                out.flush();
            }
        } else if (total > 0) {
            int decile = (int) Math.min(10, done * 10 / total);
            if (decile > lastDecile && decile < 10) {
                lastDecile = decile;
                out.println("  " + task + " " + decile * 10 + " %");
            }
        }
    }

    @Override
    public synchronized void finish(String task) {
        if (terminal) {
            out.print("\r" + line(System.nanoTime()) + "\n");
        }
        out.flush();
    }

    private String line(long now) {
        double seconds = (now - started) / 1e9;
        if (total <= 0) return String.format("  %-24s %,d  %.1f s", task, done, seconds);
        double f = Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        return String.format("  %-24s [%s%s] %3d %%  %.1f s", task, "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(f * 100), seconds);
    }
}
