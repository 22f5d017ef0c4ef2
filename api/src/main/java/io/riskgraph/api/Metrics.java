package io.riskgraph.api;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.BooleanSupplier;

/** Request counts and latency histograms per route and status, in the Prometheus text format (0.0.4). */
public final class Metrics {
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private record Series(String method, String route) {}

    private static final class Histogram {
        final AtomicLongArray buckets = new AtomicLongArray(BUCKETS.length);
        final AtomicLong count = new AtomicLong();
        final DoubleAdder sum = new DoubleAdder();
    }

    private final Map<Series, Histogram> latency = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final BooleanSupplier storeUp;

    public Metrics(BooleanSupplier storeUp) {
        this.storeUp = storeUp;
    }

    public void record(String method, String route, int status, double seconds) {
        requests.computeIfAbsent(method + "\u0000" + route + "\u0000" + status, k -> new AtomicLong()).incrementAndGet();
        Histogram h = latency.computeIfAbsent(new Series(method, route), k -> new Histogram());
        for (int i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) h.buckets.incrementAndGet(i);
        h.count.incrementAndGet();
        h.sum.add(seconds);
    }

    public String scrape() {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP riskgraph_http_requests_total HTTP requests by method, route and status.\n");
        sb.append("# TYPE riskgraph_http_requests_total counter\n");
        requests.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] p = e.getKey().split("\u0000");
            sb.append("riskgraph_http_requests_total{method=\"").append(p[0]).append("\",route=\"").append(esc(p[1]))
                    .append("\",status=\"").append(p[2]).append("\"} ").append(e.getValue().get()).append('\n');
        });
        sb.append("# HELP riskgraph_http_request_duration_seconds HTTP request latency by method and route.\n");
        sb.append("# TYPE riskgraph_http_request_duration_seconds histogram\n");
        latency.entrySet().stream().sorted((a, b) -> (a.getKey().route() + a.getKey().method())
                .compareTo(b.getKey().route() + b.getKey().method())).forEach(e -> {
            String labels = "method=\"" + e.getKey().method() + "\",route=\"" + esc(e.getKey().route()) + "\"";
            Histogram h = e.getValue();
            for (int i = 0; i < BUCKETS.length; i++) {
                sb.append("riskgraph_http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                        .append(fmt(BUCKETS[i])).append("\"} ").append(h.buckets.get(i)).append('\n');
            }
            sb.append("riskgraph_http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
                    .append(h.count.get()).append('\n');
            sb.append("riskgraph_http_request_duration_seconds_sum{").append(labels).append("} ")
                    .append(fmt(h.sum.sum())).append('\n');
            sb.append("riskgraph_http_request_duration_seconds_count{").append(labels).append("} ")
                    .append(h.count.get()).append('\n');
        });
        sb.append("# HELP riskgraph_store_up Whether the graph store answers (1) or not (0).\n");
        sb.append("# TYPE riskgraph_store_up gauge\n");
        sb.append("riskgraph_store_up ").append(storeUp.getAsBoolean() ? 1 : 0).append('\n');
        return sb.toString();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
