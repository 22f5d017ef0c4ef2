package io.riskgraph.algorithms.ownership;

import io.riskgraph.algorithms.ownership.Holdings.Party;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.cycle.TarjanSimpleCycles;
import org.jgrapht.alg.shortestpath.AllDirectedPaths;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ownership penetration for one enterprise T. With A[h][x] the share h holds directly in x, the effective share
 * of h in T is the sum over all holding chains from h to T of the product of their shares, i.e. entry (h, T) of
 * A + A² + A³ + ... = (I - A)^-1 - I. The series is summed term by term on the sparse holdings until a term adds
 * less than the tolerance; with cross-holdings (cycles) it still converges as long as no company is held 100 %
 * around a cycle. The part left out is bounded from the last term: of its mass N on companies that still have
 * holders, at most a fraction c passes on to such companies per step and at most q reaches anybody, so the rest
 * of the series is at most q N / (1 - c) (c and q taken over the companies above those holding the mass). That
 * figure is {@link Result#truncationBound()}; NaN when c = 1 (a cycle held entirely within itself).
 *
 * <p>JGraphT does the combinatorial parts on this small graph: listing the chains (simple paths) and the cycles.
 */
public final class OwnershipPenetration {
    /** How the controller was found. */
    public enum Basis {
        /** Each link from the controller down to T is held above the control threshold. */
        MAJORITY_CHAIN,
        /** The controller's effective share, over all chains, is above the control threshold. */
        EFFECTIVE_SHARE,
        /** Nobody passes the control threshold; the controller is the single largest holder at or above the
         *  significant threshold. */
        LARGEST_SIGNIFICANT_HOLDER
    }

    /** A chain from a holder down to T: the parties in order and the product of the shares. */
    public record Chain(List<String> partyIds, double share) {}

    /** An ultimate holder: a person, or an enterprise nobody holds (within what was read). */
    public record UltimateHolder(Party party, double effectiveShare, List<Chain> chains, boolean beneficialOwner) {}

    public record Controller(Party party, double effectiveShare, Basis basis) {}

    /**
     * @param holders         ultimate holders, largest effective share first
     * @param controller      the actual controller, or null when nobody qualifies
     * @param cycles          cross-holding cycles among the holders (party ids), if any
     * @param converged       whether the series met the tolerance within the iteration limit
     * @param truncationBound bound on the share the series left out; NaN when no bound holds (a 100 % cycle)
     * @param holdingsWithoutShare holdings the data gives no share for (counted as 0)
     * @param truncated       whether reading stopped at a limit, so that holders further up may be missing
     */
    public record Result(Party target, List<UltimateHolder> holders, Controller controller, List<List<String>> cycles,
                         boolean converged, int iterations, double truncationBound, int holdingsWithoutShare,
                         boolean truncated) {}

    private OwnershipPenetration() {}

    public static Result compute(Holdings holdings, String targetId, OwnershipConfig config) {
        if (!holdings.contains(targetId)) throw new IllegalArgumentException("target " + targetId + " is not among the holdings");
        List<String> ids = new ArrayList<>(holdings.parties().keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
        int n = ids.size();
        int t = index.get(targetId);
        List<Holdings.Holding> hs = holdings.holdings();
        int m = hs.size();
        int[] holder = new int[m];
        int[] held = new int[m];
        double[] share = new double[m];
        int withoutShare = 0;
        double[] heldTotal = new double[n];
        boolean[] hasHolder = new boolean[n];
        for (int i = 0; i < m; i++) {
            Holdings.Holding h = hs.get(i);
            holder[i] = index.get(h.holder());
            held[i] = index.get(h.held());
            share[i] = Double.isNaN(h.share()) ? 0 : h.share();
            if (Double.isNaN(h.share())) withoutShare++;
            heldTotal[held[i]] += share[i];
            hasHolder[held[i]] = true;
        }

        // the series: v_k = A v_{k-1}, v_0 = e_T; effective = sum of v_k for k >= 1
        double[] effective = new double[n];
        double[] v = new double[n];
        v[t] = 1;
        int iterations = 0;
        double lastTerm = Double.POSITIVE_INFINITY;
        while (iterations < config.maxIterations()) {
            double[] next = new double[n];
            for (int i = 0; i < m; i++) next[holder[i]] += share[i] * v[held[i]];
            double sum = 0;
            for (int j = 0; j < n; j++) {
                effective[j] += next[j];
                sum += next[j];
            }
            v = next;
            iterations++;
            lastTerm = sum;
            if (sum < config.tolerance()) break;
        }
        boolean converged = lastTerm < config.tolerance();
        double bound = tailBound(v, holder, held, share, hasHolder, heldTotal);

        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        ids.forEach(g::addVertex);
        for (int i = 0; i < m; i++) {
            if (holder[i] == held[i]) continue; // a company holding its own shares: no chain to anyone else
            DefaultWeightedEdge e = g.getEdge(ids.get(holder[i]), ids.get(held[i]));
            if (e == null) g.setEdgeWeight(g.addEdge(ids.get(holder[i]), ids.get(held[i])), share[i]);
            else g.setEdgeWeight(e, g.getEdgeWeight(e) + share[i]);
        }
        Set<String> reaching = reaching(g, targetId);
        AllDirectedPaths<String, DefaultWeightedEdge> paths = new AllDirectedPaths<>(g);
        List<UltimateHolder> ultimate = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (j == t || hasHolder[j] || !reaching.contains(ids.get(j))) continue;
            Party p = holdings.parties().get(ids.get(j));
            List<Chain> chains = new ArrayList<>();
            if (config.maxChains() > 0) {
                for (GraphPath<String, DefaultWeightedEdge> path : paths.getAllPaths(ids.get(j), targetId, true,
                        Math.max(1, Math.min(n, 64)))) {
                    double product = 1;
                    for (DefaultWeightedEdge e : path.getEdgeList()) product *= g.getEdgeWeight(e);
                    chains.add(new Chain(List.copyOf(path.getVertexList()), product));
                }
                chains.sort(Comparator.comparingDouble(Chain::share).reversed());
                if (chains.size() > config.maxChains()) chains = new ArrayList<>(chains.subList(0, config.maxChains()));
            }
            boolean beneficial = p.isPerson() && effective[j] >= config.significantThreshold();
            ultimate.add(new UltimateHolder(p, effective[j], List.copyOf(chains), beneficial));
        }
        ultimate.sort(Comparator.comparingDouble(UltimateHolder::effectiveShare).reversed()
                .thenComparing(u -> u.party().id()));

        List<List<String>> cycles = new ArrayList<>();
        for (List<String> c : new TarjanSimpleCycles<>(g).findSimpleCycles()) {
            if (cycles.size() >= 100) break;
            cycles.add(List.copyOf(c));
        }
        Controller controller = controller(holdings, g, targetId, ultimate, effective, index, config);
        return new Result(holdings.parties().get(targetId), List.copyOf(ultimate), controller, List.copyOf(cycles),
                converged, iterations, bound, withoutShare, holdings.truncated());
    }

    private static double tailBound(double[] v, int[] holder, int[] held, double[] share, boolean[] hasHolder,
                                    double[] heldTotal) {
        int n = v.length;
        boolean[] above = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        double mass = 0;
        for (int x = 0; x < n; x++) {
            if (v[x] > 0 && hasHolder[x]) {
                mass += v[x];
                above[x] = true;
                queue.add(x);
            }
        }
        if (mass == 0) return 0;
        while (!queue.isEmpty()) {
            int x = queue.poll();
            for (int i = 0; i < holder.length; i++) {
                if (held[i] == x && !above[holder[i]]) {
                    above[holder[i]] = true;
                    queue.add(holder[i]);
                }
            }
        }
        double[] passOn = new double[n];
        for (int i = 0; i < holder.length; i++) if (hasHolder[holder[i]]) passOn[held[i]] += share[i];
        double c = 0;
        double q = 0;
        for (int x = 0; x < n; x++) {
            if (!above[x]) continue;
            q = Math.max(q, heldTotal[x]);
            if (hasHolder[x]) c = Math.max(c, passOn[x]);
        }
        return c < 1 ? q * mass / (1 - c) : Double.NaN;
    }

    private static Controller controller(Holdings holdings, Graph<String, DefaultWeightedEdge> g, String target,
                                         List<UltimateHolder> ultimate, double[] effective,
                                         Map<String, Integer> index, OwnershipConfig config) {
        // walk up while one holder holds more than the control threshold directly
        String at = target;
        Set<String> seen = new HashSet<>();
        while (seen.add(at)) {
            // below 50 % several holders may pass the threshold: only a single largest one controls
            String best = null;
            double bestShare = config.controlThreshold();
            double runnerUp = 0;
            for (DefaultWeightedEdge e : g.incomingEdgesOf(at)) {
                double w = g.getEdgeWeight(e);
                if (w > bestShare) {
                    runnerUp = Math.max(runnerUp, bestShare);
                    bestShare = w;
                    best = g.getEdgeSource(e);
                } else {
                    runnerUp = Math.max(runnerUp, w);
                }
            }
            if (best == null || runnerUp >= bestShare) break;
            at = best;
        }
        if (!at.equals(target) && g.inDegreeOf(at) == 0) {
            return new Controller(holdings.parties().get(at), effective[index.get(at)], Basis.MAJORITY_CHAIN);
        }
        if (ultimate.isEmpty()) return null;
        UltimateHolder top = ultimate.get(0);
        double second = ultimate.size() > 1 ? ultimate.get(1).effectiveShare() : 0;
        if (top.effectiveShare() > config.controlThreshold() && top.effectiveShare() > second) {
            return new Controller(top.party(), top.effectiveShare(), Basis.EFFECTIVE_SHARE);
        }
        if (top.effectiveShare() >= config.significantThreshold() && top.effectiveShare() > second) {
            return new Controller(top.party(), top.effectiveShare(), Basis.LARGEST_SIGNIFICANT_HOLDER);
        }
        return null;
    }

    /** Parties from which a holding chain leads to the target. */
    private static Set<String> reaching(Graph<String, DefaultWeightedEdge> g, String target) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(target);
        seen.add(target);
        while (!queue.isEmpty()) {
            String x = queue.poll();
            for (DefaultWeightedEdge e : g.incomingEdgesOf(x)) {
                String h = g.getEdgeSource(e);
                if (seen.add(h)) queue.add(h);
            }
        }
        return seen;
    }
}
