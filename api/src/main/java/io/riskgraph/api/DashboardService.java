package io.riskgraph.api;

import io.riskgraph.risk.warning.WarningRule;
import io.riskgraph.store.GraphReads;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's aggregates: enterprises per segment and grade, clues per rule and status and per month and status,
 * and per segment the communities holding several C/D enterprises (each opens in the network view).
 */
final class DashboardService {
    /** A cluster needs at least this many C/D enterprises of the segment. */
    public static final int CLUSTER_MIN_FIRMS = 3;
    public static final int CLUSTERS_PER_SEGMENT = 5;
    public static final int CLUSTER_FIRMS_SHOWN = 30;

    private final GraphReads reads;

    DashboardService(GraphReads reads) {
        this.reads = reads;
    }

    Map<String, Object> dashboard(Collection<String> seen) {
        Map<String, Map<String, Object>> grades = new LinkedHashMap<>();
        for (GraphReads.GradeCount g : reads.gradesBySegment()) {
            Map<String, Object> row = grades.computeIfAbsent(g.segment(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("segment", k);
                m.put("nameZh", g.nameZh());
                m.put("nameEn", g.nameEn());
                for (String x : List.of("A", "B", "C", "D", "ungraded")) m.put(x, 0L);
                return m;
            });
            String grade = g.grade() == null || !List.of("A", "B", "C", "D").contains(g.grade()) ? "ungraded" : g.grade();
            row.put(grade, (Long) row.get(grade) + g.count());
        }
        Map<String, Map<String, Object>> byRule = new TreeMap<>();
        for (GraphReads.ClueCount c : reads.cluesByRuleAndStatus()) {
            Map<String, Object> row = byRule.computeIfAbsent(c.key(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", k);
                WarningRule.find(k).ifPresent(r -> {
                    m.put("nameZh", r.nameZh);
                    m.put("nameEn", r.nameEn);
                });
                m.put("byStatus", new TreeMap<String, Long>());
                return m;
            });
            byStatus(row).merge(c.status(), c.count(), Long::sum);
        }
        Map<String, Map<String, Object>> byMonth = new TreeMap<>();
        for (GraphReads.ClueCount c : reads.cluesByMonthAndStatus()) {
            Map<String, Object> row = byMonth.computeIfAbsent(c.key(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("month", k);
                m.put("byStatus", new TreeMap<String, Long>());
                return m;
            });
            byStatus(row).merge(c.status(), c.count(), Long::sum);
        }
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (GraphReads.RiskCluster c : reads.highRiskClusters(CLUSTER_MIN_FIRMS, CLUSTERS_PER_SEGMENT, CLUSTER_FIRMS_SHOWN)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", c.segment());
            m.put("group", c.group());
            m.put("groupKind", c.groupKind());
            m.put("size", c.size());
            m.put("firms", c.firms());
            c.firms().forEach(f -> seen.add(String.valueOf(f.get("uscc"))));
            clusters.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("gradesBySegment", new ArrayList<>(grades.values()));
        out.put("cluesByRule", new ArrayList<>(byRule.values()));
        out.put("cluesByMonth", new ArrayList<>(byMonth.values()));
        out.put("clusters", clusters);
        out.put("clusterRule", "per segment, Louvain communities (connected components where analyze wrote none) holding at least "
                + CLUSTER_MIN_FIRMS + " enterprises of grade C or D in the segment; the " + CLUSTERS_PER_SEGMENT + " largest per segment");
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> byStatus(Map<String, Object> row) {
        return (Map<String, Long>) row.get("byStatus");
    }
}
