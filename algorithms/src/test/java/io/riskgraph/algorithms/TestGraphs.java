package io.riskgraph.algorithms;

import io.riskgraph.algorithms.projection.CompactGraph;
import io.riskgraph.algorithms.projection.GraphBuilder;
import io.riskgraph.algorithms.projection.Orientation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Graphs for tests: the NetworkX fixture files, inline edge lists, and seeded random graphs. */
public final class TestGraphs {
    private TestGraphs() {}

    /** An edge list from a fixture file: u, v, weight. */
    public record EdgeList(int nodes, boolean directed, int[] from, int[] to, double[] weight) {
        public CompactGraph graph(Orientation o) {
            GraphBuilder b = GraphBuilder.simple(o, true).nodes(nodes);
            for (int i = 0; i < from.length; i++) b.addRelationship(from[i], to[i], 0, weight[i]);
            return b.build();
        }

        public CompactGraph graph() { return graph(directed ? Orientation.NATURAL : Orientation.UNDIRECTED); }
    }

    public static EdgeList networkx(String name) {
        List<String> lines = lines("/networkx/" + name + ".edges");
        String[] header = lines.get(0).split(" ");
        int n = Integer.parseInt(header[2]);
        boolean directed = Boolean.parseBoolean(header[4].toLowerCase());
        int m = lines.size() - 1;
        int[] f = new int[m];
        int[] t = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            String[] p = lines.get(i + 1).split(" ");
            f[i] = Integer.parseInt(p[0]);
            t[i] = Integer.parseInt(p[1]);
            w[i] = Double.parseDouble(p[2]);
        }
        return new EdgeList(n, directed, f, t, w);
    }

    public static double[] networkxValues(String name, String measure, int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        for (String line : lines("/networkx/" + name + "." + measure + ".txt")) {
            String[] p = line.split(" ");
            out[Integer.parseInt(p[0])] = Double.parseDouble(p[1]);
        }
        return out;
    }

    /** Random simple graph (no self-loops, no parallel edges), seeded. */
    public static EdgeList random(int n, int m, boolean directed, boolean weighted, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int[] f = new int[m];
        int[] t = new int[m];
        double[] w = new double[m];
        int i = 0;
        while (i < m) {
            int a = rnd.nextInt(n);
            int b = rnd.nextInt(n);
            if (a == b) continue;
            long key = directed ? (long) a * n + b : (long) Math.min(a, b) * n + Math.max(a, b);
            if (!seen.add(key)) continue;
            f[i] = a;
            t[i] = b;
            // weights a float holds exactly, so that the float adjacency and a double reference agree
            w[i] = weighted ? (1 + rnd.nextInt(64)) / 16.0 : 1.0;
            i++;
        }
        return new EdgeList(n, directed, f, t, w);
    }

    /** Inline graph: "a b" or "a b w" pairs separated by commas, e.g. "0 1, 1 2 0.5". */
    public static EdgeList parse(int nodes, boolean directed, String edges) {
        List<int[]> pairs = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        for (String e : edges.split(",")) {
            String[] p = e.trim().split("\\s+");
            pairs.add(new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])});
            ws.add(p.length > 2 ? Double.parseDouble(p[2]) : 1.0);
        }
        int m = pairs.size();
        int[] f = new int[m];
        int[] t = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            f[i] = pairs.get(i)[0];
            t[i] = pairs.get(i)[1];
            w[i] = ws.get(i);
        }
        return new EdgeList(nodes, directed, f, t, w);
    }

    private static List<String> lines(String resource) {
        try (var in = TestGraphs.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
