package io.riskgraph.gremlin;

import io.riskgraph.query.NamedQueries;
import io.riskgraph.query.NamedQuery;
import io.riskgraph.query.NamedQuery.Param;

import java.util.List;

/**
 * The named Gremlin queries (parameters are bound as gremlin-lang variables). Where the Cypher catalogue has a query
 * of the same name, the Gremlin one answers the same with the same columns (GremlinCatalogueTest checks both on one
 * fixture). Not here: {@code control-chain} (the product of shares along a chain needs {@code withSack}, which the
 * read-only guard refuses), {@code repeat-failures} and {@code shell-clusters} (their date parameters would arrive as
 * text, which does not compare with stored dates in gremlin-lang).
 */
public final class GremlinCatalogue implements NamedQueries {
    public static final GremlinCatalogue INSTANCE = new GremlinCatalogue();

    static final String ROLES = "'LEGAL_REPRESENTATIVE_OF', 'SHAREHOLDER_OF', 'DIRECTOR_OF', 'SUPERVISOR_OF', 'MANAGER_OF', "
            + "'FINANCE_OFFICER_OF', 'CONTACT_OF'";

    /** A property of the current element, or null when it has none (a stub), so that project() keeps the row. */
    static String val(String key) {
        return "coalesce(values('" + key + "'), constant(null))";
    }

    /** A property of the element labelled {@code as} in the path, or null. */
    static String val(String as, String key) {
        return "select('" + as + "')." + val(key);
    }

    private static final String OPEN_ALERTS = "in('RAISED_AT').hasLabel('Alert').or(has('status', 'OPEN'), hasNot('status'))";
    private static final String FAILING = "or(in('SAMPLED_AT').hasLabel('Sample').has('result', 'FAIL'), in('IMPOSED_ON')"
            + ".hasLabel('Penalty'), in('CONCERNS').hasLabel('CourtRecord').has('kind', 'DISHONEST_EXECUTEE'))";
    private static final String FAILING_FIRMS = "out('LEGAL_REPRESENTATIVE_OF', 'SHAREHOLDER_OF').hasLabel('Enterprise')"
            + ".where(" + FAILING + ").values('name').dedup()";
    private static final String FAILED_SAMPLES = "in('PRODUCED_BY').hasLabel('Sample').has('result', 'FAIL')";
    private static final String FAILED_SITES = FAILED_SAMPLES + ".out('SAMPLED_AT').hasLabel('Enterprise').where(neq('producer'))";
    /**
     * The items of a list property, on every server: TinkerGraph keeps a list (unfold() splits it); JanusGraph and
     * the other servers that riskgraph writes portably keep it as JSON text, {@code ["A","B"]} (docs/backends.md),
     * which is split here (brackets and quotes removed, split at commas: an item with a comma or a quote in it does
     * not come back whole from the text form).
     */
    static final String LIST_ITEMS = ".unfold().choose(is(startingWith('[')), replace('[', '').replace(']', '')"
            + ".replace('\"', '').split(',').unfold().is(neq('')), identity())";
    private static final String CONTROLLED = "out('LEGAL_REPRESENTATIVE_OF', 'SHAREHOLDER_OF').hasLabel('Enterprise').dedup()";

    private static final List<NamedQuery> QUERIES = List.of(
            new NamedQuery("related-parties", "Enterprises linked to one enterprise within two hops through people "
                    + "(roles) or enterprise links (investment, branch, supply, guarantee), with the fewest hops. Shared "
                    + "addresses and phones are left out here; see co-located-firms.",
                    List.of(new Param("uscc", "the enterprise's USCC")),
                    "g.V().has('Enterprise', 'uscc', uscc).as('e').repeat(both(" + ROLES.replace(", 'CONTACT_OF'", "")
                            + ", 'INVESTS_IN', 'BRANCH_OF', 'SUPPLIES', 'GUARANTEES').simplePath()).emit().times(2)"
                            + ".hasLabel('Enterprise').where(neq('e')).as('o').path().as('p')"
                            + ".group().by(select('o')).by(select('p').count(local).min()).unfold()"
                            + ".project('uscc', 'name', 'status', 'hops').by(select(keys)." + val("uscc") + ")"
                            + ".by(select(keys)." + val("name") + ").by(select(keys)." + val("status") + ")"
                            + ".by(select(values).math('_ - 1'))"
                            + ".order().by(select('hops')).by(select('name'))"),
            new NamedQuery("co-located-firms", "Enterprises at the same (normalised) address or with the same phone as "
                    + "one enterprise.", List.of(new Param("uscc", "the enterprise's USCC")),
                    "g.V().has('Enterprise', 'uscc', uscc).as('e').out('LOCATED_AT', 'HAS_PHONE').as('place')"
                            + ".in('LOCATED_AT', 'HAS_PHONE').hasLabel('Enterprise').where(neq('e'))"
                            + ".group().by().by(select('place').label().dedup().fold()).unfold()"
                            + ".project('uscc', 'name', 'status', 'established', 'shared').by(select(keys)." + val("uscc") + ")"
                            + ".by(select(keys)." + val("name") + ").by(select(keys)." + val("status") + ")"
                            + ".by(select(keys)." + val("established") + ").by(select(values))"
                            + ".order().by(select('name'))"),
            new NamedQuery("dishonest-representatives", "Enterprises whose legal representative is an active dishonest "
                    + "executee (失信被执行人).", List.of(),
                    "g.V().hasLabel('CourtRecord').has('kind', 'DISHONEST_EXECUTEE').or(hasNot('status'), has('status', 'ACTIVE'))"
                            + ".as('c').out('CONCERNS').hasLabel('Person').as('p').out('LEGAL_REPRESENTATIVE_OF')"
                            + ".hasLabel('Enterprise').as('e')"
                            + ".project('uscc', 'name', 'status', 'representative', 'record', 'since').by(" + val("e", "uscc")
                            + ").by(" + val("e", "name") + ").by(" + val("e", "status") + ").by(" + val("p", "name")
                            + ").by(" + val("c", "id") + ").by(" + val("c", "date") + ").order().by(select('name'))"),
            new NamedQuery("open-alerts", "Enterprises with smart-kitchen alerts that are still open (no hat, no mask, "
                    + "smoking, rodents ...).", List.of(new Param("min_alerts", "at least this many open alerts (e.g. 1)")),
                    "g.V().hasLabel('Enterprise').where(" + OPEN_ALERTS + ".count().is(gte(min_alerts)))"
                            + ".where(" + OPEN_ALERTS + ").project('uscc', 'name', 'open_alerts', 'kinds', 'latest')"
                            + ".by(" + val("uscc") + ").by(" + val("name") + ").by(" + OPEN_ALERTS + ".count())"
                            + ".by(" + OPEN_ALERTS + ".values('kind').fold()).by(" + OPEN_ALERTS + ".values('time').max())"
                            + ".order().by(select('open_alerts'), desc).by(select('latest'), desc)"),
            new NamedQuery("people-behind-failing-firms", "People who represent or hold several enterprises with failed "
                    + "samples, penalties or dishonest-executee records.",
                    List.of(new Param("min_firms", "at least this many such enterprises (e.g. 2)")),
                    "g.V().hasLabel('Person').where(" + FAILING_FIRMS + ".count().is(gte(min_firms)))"
                            + ".project('person_id', 'name', 'id_number', 'failing_firms', 'firms').by(" + val("person_id")
                            + ").by(" + val("name") + ").by(" + val("id_number_masked") + ").by(" + FAILING_FIRMS
                            + ".count()).by(" + FAILING_FIRMS + ".fold())"
                            + ".order().by(select('failing_firms'), desc).by(select('name'))"),
            new NamedQuery("supplier-failures", "Producers whose products failed sampling at several different sellers or "
                    + "caterers.", List.of(new Param("min_sites", "at least this many places where their products failed (e.g. 2)")),
                    "g.V().hasLabel('Enterprise').as('producer').where(" + FAILED_SITES + ".values('name').dedup().count()"
                            + ".is(gte(min_sites))).project('uscc', 'name', 'failing_sites', 'sites', 'failed_items')"
                            + ".by(" + val("uscc") + ").by(" + val("name") + ").by(" + FAILED_SITES
                            + ".values('name').dedup().count()).by(" + FAILED_SITES + ".values('name').dedup().fold())"
                            + ".by(" + FAILED_SAMPLES + ".where(out('SAMPLED_AT').hasLabel('Enterprise').where(neq('producer')))"
                            + ".values('failed_items')" + LIST_ITEMS + ".fold()).order().by(select('failing_sites'), desc)"),
            new NamedQuery("new-firm-at-revoked-address", "Enterprises registered, after it, at the address of a revoked "
                    + "or cancelled enterprise: a common way to carry on under a new name. Addresses shared by many firms "
                    + "(formation agents, business centres) are left out, since sharing them says nothing.",
                    List.of(new Param("max_firms", "addresses with more enterprises than this are left out (e.g. 10)")),
                    "g.V().hasLabel('Enterprise').has('status', within('REVOKED', 'CANCELLED')).as('old')"
                            + ".out('LOCATED_AT').hasLabel('Address').where(in('LOCATED_AT').hasLabel('Enterprise').count()"
                            + ".is(lte(max_firms))).as('a').in('LOCATED_AT').hasLabel('Enterprise')"
                            + ".has('status', within('ACTIVE', 'ABNORMAL')).as('new').where('new', gt('old')).by('established')"
                            + ".project('uscc', 'name', 'established', 'revoked_firm', 'address').by(" + val("new", "uscc")
                            + ").by(" + val("new", "name") + ").by(" + val("new", "established") + ").by(" + val("old", "name")
                            + ").by(" + val("a", "address") + ").order().by(select('established'), desc)"),
            new NamedQuery("inspector-ties", "Inspectors personally tied to an enterprise they inspected: the inspector's "
                    + "person holds a role in it, or shares its address or phone.", List.of(),
                    "g.V().hasLabel('Inspector').as('i').out('CARRIED_OUT').hasLabel('Inspection').as('x')"
                            + ".out('INSPECTED').hasLabel('Enterprise').as('e').select('i').out('IS_PERSON').hasLabel('Person')"
                            + ".where(or(out(" + ROLES + ").where(eq('e')), out('LOCATED_AT', 'HAS_PHONE')"
                            + ".in('LOCATED_AT', 'HAS_PHONE').where(eq('e'))))"
                            + ".project('inspector', 'name', 'uscc', 'enterprise', 'inspection', 'date').by(" + val("i", "inspector_id")
                            + ").by(" + val("i", "name") + ").by(" + val("e", "uscc") + ").by(" + val("e", "name")
                            + ").by(" + val("x", "id") + ").by(" + val("x", "date") + ").order().by(select('date'))"),
            new NamedQuery("shared-phones", "Phone numbers given by at least min_firms enterprises, most shared first.",
                    List.of(new Param("min_firms", "at least this many enterprises with the number (e.g. 3)")),
                    "g.V().hasLabel('Phone').where(in('HAS_PHONE').hasLabel('Enterprise').count().is(gte(min_firms)))"
                            + ".project('phone', 'firms', 'names').by(" + val("number") + ")"
                            + ".by(in('HAS_PHONE').hasLabel('Enterprise').count())"
                            + ".by(in('HAS_PHONE').hasLabel('Enterprise').values('name').fold())"
                            + ".order().by(select('firms'), desc).by(select('phone'))"),
            new NamedQuery("controllers-of-many-firms", "People who are legal representative or shareholder of at least "
                    + "min_firms enterprises, most first.",
                    List.of(new Param("min_firms", "at least this many enterprises (e.g. 3)")),
                    "g.V().hasLabel('Person').where(" + CONTROLLED + ".count().is(gte(min_firms)))"
                            + ".project('person_id', 'name', 'firms', 'names').by(" + val("person_id") + ").by(" + val("name")
                            + ").by(" + CONTROLLED + ".count()).by(" + CONTROLLED + ".values('name').fold())"
                            + ".order().by(select('firms'), desc).by(select('person_id'))"),
            new NamedQuery("penalised-firms-related-parties", "Enterprises that share a person in a role with a penalised "
                    + "enterprise, with the person and the penalties.", List.of(),
                    "g.V().hasLabel('Penalty').as('pen').out('IMPOSED_ON').hasLabel('Enterprise').as('f')"
                            + ".in(" + ROLES + ").hasLabel('Person').as('p').out(" + ROLES + ").hasLabel('Enterprise')"
                            + ".where(neq('f')).as('o').dedup().by(union(select('o'), select('f'), select('p'), select('pen')).fold())"
                            + ".project('uscc', 'name', 'person', 'penalised', 'penalty').by(" + val("o", "uscc") + ")"
                            + ".by(" + val("o", "name") + ").by(" + val("p", "name") + ").by(" + val("f", "uscc") + ")"
                            + ".by(" + val("pen", "id") + ").order().by(select('uscc')).by(select('penalty'))"),
            new NamedQuery("complaint-hotspots", "Addresses whose enterprises drew at least min_complaints complaints, "
                    + "most first.", List.of(new Param("min_complaints", "at least this many complaints (e.g. 2)")),
                    "g.V().hasLabel('Address').where(in('LOCATED_AT').hasLabel('Enterprise').in('COMPLAINS_ABOUT').hasLabel('Complaint')"
                            + ".count().is(gte(min_complaints))).project('address', 'complaints', 'firms').by(" + val("address")
                            + ").by(in('LOCATED_AT').hasLabel('Enterprise').in('COMPLAINS_ABOUT').hasLabel('Complaint').count())"
                            + ".by(in('LOCATED_AT').hasLabel('Enterprise').where(in('COMPLAINS_ABOUT').hasLabel('Complaint'))"
                            + ".values('name').fold()).order().by(select('complaints'), desc).by(select('address'))"),
            new NamedQuery("paths-between-firms", "The shortest paths (at most four hops) between two enterprises over any "
                    + "relationship, not passing through a node with more than max_degree relationships (a formation agent's "
                    + "address, a shared switchboard).",
                    List.of(new Param("from_uscc", "the first enterprise's USCC"), new Param("to_uscc", "the second's"),
                            new Param("max_degree", "nodes with more relationships are not passed through (e.g. 50)")),
                    "g.V().has('Enterprise', 'uscc', from_uscc).repeat(both().where(or(has('Enterprise', 'uscc', to_uscc), "
                            + "bothE().count().is(lte(max_degree)))).simplePath()).until(has('Enterprise', 'uscc', to_uscc)"
                            + ".or().loops().is(4)).has('Enterprise', 'uscc', to_uscc)"
                            + ".path().by(coalesce(values('uscc'), values('person_id'), values('address'), values('number'), "
                            + "values('id'), label())).group().by(count(local)).unfold().order().by(keys).limit(1)"
                            + ".select(values).unfold().project('hops', 'path').by(count(local).math('_ - 1')).by()"),
            new NamedQuery("busy-addresses", "Addresses shared by at least min_firms enterprises, busiest first.",
                    List.of(new Param("min_firms", "the least number of enterprises at one address")),
                    "g.V().hasLabel('Address').project('address', 'firms').by('address')"
                            + ".by(in('LOCATED_AT').hasLabel('Enterprise').count())"
                            + ".where(select('firms').is(gte(min_firms))).order().by(select('firms'), desc).limit(200)"),
            new NamedQuery("role-holders-elsewhere", "People in a role at an enterprise and the other enterprises where "
                    + "they hold a role, with the role types.", List.of(new Param("uscc", "the enterprise's USCC")),
                    "g.V().has('Enterprise', 'uscc', uscc).inE().not(hasLabel('LOCATED_AT', 'HAS_PHONE')).outV()"
                            + ".hasLabel('Person').as('p').outE().not(hasLabel('LOCATED_AT', 'HAS_PHONE')).as('r')"
                            + ".inV().hasLabel('Enterprise').not(has('uscc', uscc)).as('e')"
                            + ".select('p', 'r', 'e').by('person_id').by(label()).by('uscc').limit(1000)"));

    private GremlinCatalogue() {}

    @Override
    public String language() { return "Gremlin"; }

    @Override
    public List<NamedQuery> all() { return QUERIES; }
}
