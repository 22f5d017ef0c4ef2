package io.riskgraph.gremlin;

import io.riskgraph.backend.Backend;
import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.NamedQuery;
import io.riskgraph.query.ReadOnlyQueries;
import io.riskgraph.store.GraphReads;
import io.riskgraph.store.GraphStore;
import io.riskgraph.workflow.WorkflowStores;

import java.nio.file.Path;
import java.util.List;

/**
 * The Apache TinkerPop backend: a Gremlin Server by URL (JanusGraph, HugeGraph, Neptune, Gremlin Server) or the
 * embedded one over a TinkerGraph in a store folder, always through gremlin-driver. Cypher is Neo4j-only here.
 */
public final class GremlinBackend implements Backend {
    private final GremlinConnection connection;
    private final GremlinGraphStore store;
    private final GremlinGraphReads reads;
    private final GremlinQueryRunner gremlin;
    private final GremlinWorkflow workflow;
    private final String description;

    private GremlinBackend(GremlinConnection connection, String description) {
        this.connection = connection;
        this.store = new GremlinGraphStore(connection.g());
        this.reads = new GremlinGraphReads(connection.g());
        this.gremlin = new GremlinQueryRunner(connection.g());
        this.workflow = new GremlinWorkflow(connection.g());
        this.description = description;
    }

    /** An in-process Gremlin Server over the TinkerGraph kept in {@code storeDir}. */
    public static GremlinBackend embedded(Path storeDir) {
        return new GremlinBackend(GremlinConnection.embedded(storeDir),
                "embedded Gremlin Server over TinkerGraph in " + storeDir.toAbsolutePath().normalize());
    }

    /** A Gremlin Server by URL, e.g. ws://host:8182, with its traversal source name and credentials (may be null). */
    public static GremlinBackend remote(String url, String source, String user, String password) {
        return new GremlinBackend(GremlinConnection.remote(url, source, user, password),
                "Gremlin Server " + url + " (traversal source " + source + ")");
    }

    public GremlinConnection connection() { return connection; }

    @Override
    public String kind() { return "gremlin"; }

    @Override
    public String describe() { return description; }

    @Override
    public boolean embedded() { return connection.isEmbedded(); }

    @Override
    public GraphStore store() { return store; }

    @Override
    public GraphReads reads() { return reads; }

    @Override
    public WorkflowStores workflow() { return workflow; }

    @Override
    public ReadOnlyQueries cypher() {
        throw new Unsupported("Cypher queries are Neo4j-only and this is the Gremlin backend (" + description
                + "): use 'riskgraph gremlin' / POST /gremlin, or open the Neo4j store (--store, --uri)");
    }

    @Override
    public NamedQueries cypherCatalogue() {
        throw new Unsupported("the named Cypher queries are Neo4j-only and this is the Gremlin backend (" + description
                + "): 'riskgraph gremlin --named' lists and runs the Gremlin catalogue");
    }

    @Override
    public ReadOnlyQueries gremlin() { return gremlin; }

    @Override
    public NamedQueries gremlinCatalogue() { return GremlinCatalogue.INSTANCE; }

    @Override
    public void close() {
        workflow.close();
        connection.close();
    }

    /** The named Gremlin queries (parameters are bound as gremlin-lang variables). */
    public static final class GremlinCatalogue implements NamedQueries {
        public static final GremlinCatalogue INSTANCE = new GremlinCatalogue();
        private static final List<NamedQuery> QUERIES = List.of(
                new NamedQuery("related-parties", "People in a role at an enterprise and the other enterprises where "
                        + "they hold a role, with the role types.",
                        List.of(new NamedQuery.Param("uscc", "the enterprise's USCC")),
                        "g.V().has('Enterprise', 'uscc', uscc).inE().not(hasLabel('LOCATED_AT', 'HAS_PHONE')).outV()"
                                + ".hasLabel('Person').as('p').outE().not(hasLabel('LOCATED_AT', 'HAS_PHONE')).as('r')"
                                + ".inV().hasLabel('Enterprise').not(has('uscc', uscc)).as('e')"
                                + ".select('p', 'r', 'e').by('person_id').by(label()).by('uscc').limit(1000)"),
                new NamedQuery("co-located-firms", "Addresses shared by at least min_firms enterprises, busiest first.",
                        List.of(new NamedQuery.Param("min_firms", "the least number of enterprises at one address")),
                        "g.V().hasLabel('Address').project('address', 'firms').by('address')"
                                + ".by(in('LOCATED_AT').hasLabel('Enterprise').count())"
                                + ".where(select('firms').is(gte(min_firms))).order().by(select('firms'), desc).limit(200)"),
                new NamedQuery("dishonest-representatives", "Legal representatives of enterprises that are dishonest "
                        + "executees in an active court record, with the enterprises they represent.", List.of(),
                        "g.V().hasLabel('CourtRecord').has('kind', 'DISHONEST_EXECUTEE').not(has('status', 'CLEARED'))"
                                + ".out('CONCERNS').hasLabel('Person').as('p').out('LEGAL_REPRESENTATIVE_OF').as('e')"
                                + ".select('p', 'e').by('person_id').by('uscc').dedup().limit(1000)"));

        private GremlinCatalogue() {}

        @Override
        public String language() { return "Gremlin"; }

        @Override
        public List<NamedQuery> all() { return QUERIES; }
    }
}
