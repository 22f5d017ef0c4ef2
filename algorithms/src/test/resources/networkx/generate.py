#!/usr/bin/env python3
"""Expected values from NetworkX for riskgraph's algorithm tests.

Run from this folder:  python3 generate.py
Writes <graph>.edges (u v w per line) and <graph>.<measure>.txt (node value per line, repr precision).
The Java tests read these files; they never run Python. Regenerate only when a graph changes.
Produced with Debian's python3-networkx (see networkx-version.txt).
"""
import random
import networkx as nx

TOL = 1e-13
MAX_ITER = 100000


def write_edges(name, G, weighted):
    with open(name + ".edges", "w") as f:
        f.write("# nodes %d directed %s weighted %s\n" % (G.number_of_nodes(), G.is_directed(), weighted))
        for u, v, d in sorted(G.edges(data=True)):
            f.write("%d %d %r\n" % (u, v, d.get("weight", 1.0)))


def write_values(name, measure, values):
    with open("%s.%s.txt" % (name, measure), "w") as f:
        for node in sorted(values):
            f.write("%d %r\n" % (node, values[node]))


def directed(n, m, sources, seed, weighted):
    rnd = random.Random(seed)
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    while G.number_of_edges() < m:
        u, v = rnd.randrange(sources), rnd.randrange(n)
        if u != v and not G.has_edge(u, v):
            G.add_edge(u, v, weight=round(rnd.uniform(0.1, 2.0), 3) if weighted else 1.0)
    return G


def undirected(n, m, seed):
    rnd = random.Random(seed)
    G = nx.Graph()
    G.add_nodes_from(range(n))
    while G.number_of_edges() < m:
        u, v = rnd.randrange(n), rnd.randrange(n)
        if u != v and not G.has_edge(u, v):
            G.add_edge(u, v, weight=1.0)
    return G


def main():
    # nodes 50..59 have no outgoing edges: dangling mass must be spread uniformly
    g1 = directed(60, 240, 50, 1, False)
    write_edges("directed60", g1, False)
    write_values("directed60", "pagerank", nx.pagerank(g1, alpha=0.85, tol=TOL, max_iter=MAX_ITER, weight=None))
    write_values("directed60", "ppr", nx.pagerank(g1, alpha=0.85, personalization={3: 1.0, 7: 2.0, 55: 1.0},
                                                  tol=TOL, max_iter=MAX_ITER, weight=None))
    write_values("directed60", "betweenness", nx.betweenness_centrality(g1, normalized=False))

    g2 = directed(120, 600, 100, 2, True)
    write_edges("weighted120", g2, True)
    write_values("weighted120", "pagerank", nx.pagerank(g2, alpha=0.85, tol=TOL, max_iter=MAX_ITER, weight="weight"))
    write_values("weighted120", "pagerank_unweighted", nx.pagerank(g2, alpha=0.85, tol=TOL, max_iter=MAX_ITER,
                                                                   weight=None))

    g3 = undirected(80, 200, 3)
    write_edges("undirected80", g3, False)
    write_values("undirected80", "pagerank", nx.pagerank(g3, alpha=0.85, tol=TOL, max_iter=MAX_ITER, weight=None))
    write_values("undirected80", "betweenness", nx.betweenness_centrality(g3, normalized=False))
    write_values("undirected80", "pagerank_d70", nx.pagerank(g3, alpha=0.70, tol=TOL, max_iter=MAX_ITER, weight=None))

    # four planted groups of 25: dense inside, sparse between; Louvain should find them
    g4 = nx.planted_partition_graph(4, 25, 0.4, 0.02, seed=4)
    for u, v in g4.edges():
        g4[u][v]["weight"] = 1.0
    write_edges("planted100", g4, False)
    best = max((nx.community.louvain_communities(g4, seed=s) for s in range(5)),
               key=lambda c: nx.community.modularity(g4, c))
    planted = [set(range(25 * i, 25 * i + 25)) for i in range(4)]
    with open("planted100.modularity.txt", "w") as f:
        f.write("louvain %r\n" % nx.community.modularity(g4, best))
        f.write("planted %r\n" % nx.community.modularity(g4, planted))

    with open("networkx-version.txt", "w") as f:
        f.write("networkx %s\n" % nx.__version__)


if __name__ == "__main__":
    main()
