/**
 * Graph algorithms that turn the store's graph into risk signals; {@link io.riskgraph.algorithms.Analysis} is the
 * entry point for the CLI.
 *
 * <h2>Two kinds of code, chosen by size</h2>
 * <ul>
 *   <li><b>Whole-city passes on primitive arrays.</b> Projection ({@code projection}), centrality, communities
 *       and risk propagation work on {@link io.riskgraph.algorithms.projection.CompactGraph}: int node indices,
 *       CSR adjacency, a byte type and optionally a float weight per entry, results in {@code double[]}/{@code int[]}.
 *       A city (2.9 M entities, about 20 M relationships) then fits in a few hundred MiB, where object graphs
 *       with boxed maps need gigabytes. Why not JGraphT here: on a 3 M node / 20 M relationship graph its
 *       PageRank (on jgrapht-opt's compact {@code SparseIntDirectedGraph}) took 9 times as long as ours or more,
 *       its connectivity inspector 77 times as long as our union-find, building its graph alone took over a
 *       minute and a half, and JGraphT 1.5.3 has no Louvain (its label propagation did not finish in five
 *       minutes). Our PageRank sweeps blocks of targets whose sums stay in a core's cache while
 *       the contributions are read in ascending order, so no relationship costs a random memory access; that
 *       layout is what makes an iteration a few tens of milliseconds. The measured figures, side by side with
 *       JGraphT and with Neo4j GDS (a GPLv3 peer in module {@code bench} only), are in the "Graph algorithms"
 *       section of BENCHMARKS.md.</li>
 *   <li><b>Small subgraphs with JGraphT.</b> Ownership penetration reads the holdings above one enterprise
 *       (hundreds of nodes) and uses JGraphT for the combinatorial parts: holding chains
 *       ({@code AllDirectedPaths}) and cross-holding cycles ({@code TarjanSimpleCycles}). JGraphT is also the
 *       independent reference in the tests (PageRank, betweenness, connectivity, modularity).</li>
 *   <li><b>Paths through the store.</b> Related parties and shortest paths use the store's own bounded
 *       traversals ({@code GraphStore.neighbourhood}/{@code shortestPaths}, which stop at hubs) rather than a
 *       second traversal engine.</li>
 * </ul>
 *
 * <p>Style: configuration is a record per algorithm with defaults as public constants ({@code *_DEFAULT}),
 * validated on construction with messages that name the parameter and its range; an algorithm object computes
 * once, on first access, and caches; long runs take a {@link io.riskgraph.progress.ProgressListener} and a
 * {@link io.riskgraph.progress.Cancellation}. Whole-graph passes split node ranges by adjacency work over the
 * machine's cores ({@code internal.Parallel}).
 */
package io.riskgraph.algorithms;
