package io.riskgraph.risk.warning;

import io.riskgraph.risk.grading.GradingData;
import io.riskgraph.risk.grading.GradingData.Events;
import io.riskgraph.risk.grading.IndicatorContext;
import io.riskgraph.progress.Cancellation;
import io.riskgraph.progress.ProgressListener;
import io.riskgraph.workflow.Clue.Evidence;
import io.riskgraph.workflow.NewClue;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import static io.riskgraph.risk.grading.IndicatorContext.is;

/**
 * Runs the warning rules over {@link WarningData}. Pure computation: nothing is read from or written to a store
 * here. Each rule is one pass over the arrays (per enterprise, person, address or event) and yields clues whose
 * de-duplication key names only the nodes and events that define the pattern, so the same data gives the same keys.
 */
public final class WarningRules {
    private final WarningData w;
    private final GradingData d;
    private final WarningParams p;

    public WarningRules(WarningData data, WarningParams params) {
        if (data == null || params == null) throw new IllegalArgumentException("data and params are required");
        this.w = data;
        this.d = data.d;
        this.p = params;
    }

    /** Runs the given rules in code order; the clues of each rule in a stable order. */
    public Map<WarningRule, List<NewClue>> run(List<WarningRule> rules, ProgressListener progress, Cancellation cancellation) {
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        Cancellation c = cancellation == null ? Cancellation.NEVER : cancellation;
        Map<WarningRule, List<NewClue>> out = new EnumMap<>(WarningRule.class);
        pl.start("warning rules", rules.size());
        for (WarningRule rule : new TreeSet<>(rules)) {
            c.throwIfCancelled();
            out.put(rule, run(rule));
            pl.advance(1);
        }
        pl.finish("warning rules");
        return out;
    }

    public List<NewClue> run(WarningRule rule) {
        Found f = new Found(rule);
        switch (rule) {
            case W01 -> legalRepOfDFirms(f);
            case W02 -> newFirmAtRevokedAddress(f);
            case W03 -> supplierFailedAtSellers(f);
            case W04 -> repeated(f, d.samples, is(d.samples, "result", "FAIL"), "failed sample");
            case W05 -> repeated(f, d.inspections, is(d.inspections, "result", "ISSUES_FOUND"), "inspection with issues");
            case W06 -> dishonestLegalRep(f);
            case W07 -> foodProducerTrigger(f);
            case W08 -> alertBurst(f);
            case W09 -> rodentOpen(f);
            case W10 -> shellClusters(f, false);
            case W11 -> shellClusters(f, true);
            case W12 -> abnormalPersonNewFirm(f);
            case W13 -> crossHoldingCycles(f);
            case W14 -> tiedInspectors(f);
            case W15 -> complaintSurge(f);
            case W16 -> complaintWithoutFollowUp(f);
            case W17 -> penaltyNotRectified(f);
            case W18 -> repeatedPenalties(f);
            case W19 -> parentHighRisk(f);
            case W20 -> closedSupplier(f);
            case W21 -> phoneOfDFirms(f);
            case W22 -> dishonestGuarantee(f);
            case W23 -> dGradeNotInspected(f);
        }
        return f.clues;
    }

    // ---- person-centred ----

    private void legalRepOfDFirms(Found f) {
        int[][] roles = w.rolesByPerson();
        IndicatorContext ctx = w.ctx;
        for (int person = 0; person < roles.length; person++) {
            Set<Integer> dFirms = new LinkedHashSet<>(), others = new LinkedHashSet<>();
            for (int r : roles[person]) {
                if (!ctx.isPrincipal(r)) continue;
                int e = d.roleEnt[r];
                if (w.grade[e] == 'D') dFirms.add(e); else if (w.open(e)) others.add(e);
            }
            if (dFirms.size() < p.minDFirms()) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(person(person, "legal representative of " + dFirms.size() + " D-grade firms"));
            for (int e : dFirms) {
                ev.add(firm(e, "grade D"));
                ev.add(rolePath(person, "LEGAL_REPRESENTATIVE_OF", e));
            }
            for (int e : others) ev.add(firm(e, "also led by this person, grade " + w.grade[e]));
            int subject = bySmallestUscc(others.isEmpty() ? dFirms : others);
            f.add(key(d.personKey[person]), subject, severityByCount(3, dFirms.size(), 3, 5),
                    "person " + d.personKey[person] + " is the legal representative of " + dFirms.size() + " D-grade firms", ev);
        }
    }

    private void dishonestLegalRep(Found f) {
        int[][] dishonest = w.dishonestByPerson();
        int[][] roles = w.rolesByPerson();
        for (int person = 0; person < roles.length; person++) {
            if (dishonest[person].length == 0) continue;
            for (int r : roles[person]) {
                int e = d.roleEnt[r];
                if (!w.ctx.isPrincipal(r) || !w.open(e)) continue;
                List<Evidence> ev = new ArrayList<>();
                ev.add(person(person, dishonest[person].length + " active dishonest-executee record(s)"));
                for (int x : dishonest[person]) ev.add(event(d.courtRecords, x, "dishonest executee"));
                ev.add(rolePath(person, d.roleType[r], e));
                ev.add(firm(e, "status " + d.status[e]));
                boolean food = w.inSegment(e, "FOOD_PRODUCTION", "SPECIAL_FOOD", "FOOD_SALES", "CATERING");
                f.add(key(d.personKey[person], d.uscc[e]), e, food ? 5 : 4,
                        "legal representative " + d.personKey[person] + " of " + d.uscc[e] + " is a dishonest executee", ev);
            }
        }
    }

    private void abnormalPersonNewFirm(Found f) {
        int[][] roles = w.rolesByPerson();
        for (int person = 0; person < roles.length; person++) {
            List<Integer> bad = new ArrayList<>();
            List<Integer> newFirms = new ArrayList<>();
            for (int r : roles[person]) {
                int e = d.roleEnt[r];
                String status = d.status[e];
                boolean holder = w.ctx.isPrincipal(r) || d.roleType[r].equals("SHAREHOLDER_OF");
                if (holder && ("ABNORMAL".equals(status) || "REVOKED".equals(status))) bad.add(e);
                else if (w.ctx.isPrincipal(r) && w.open(e) && isNew(e, p.newFirmDays())) newFirms.add(e);
            }
            if (bad.isEmpty()) continue;
            for (int e : newFirms) {
                List<Evidence> ev = new ArrayList<>();
                ev.add(firm(e, "established " + day(d.established[e])));
                ev.add(person(person, "principal of the new firm"));
                for (int b : bad) ev.add(firm(b, "status " + d.status[b] + ", same person"));
                f.add(key(d.uscc[e], d.personKey[person]), e, 3,
                        "new firm " + d.uscc[e] + " led by " + d.personKey[person] + ", who is behind " + bad.size()
                                + " abnormal or revoked firm(s)", ev);
            }
        }
    }

    private void tiedInspectors(Found f) {
        Map<Long, List<Integer>> visits = new LinkedHashMap<>();
        for (int v = 0; v < d.inspectionOfVisit.length; v++) {
            int x = d.inspectionOfVisit[v];
            int e = d.inspections.ent[x];
            if (e < 0 || !w.within(d.inspections.day[x], 0)) continue;
            visits.computeIfAbsent(((long) d.personOfVisit[v] << 32) | e, k -> new ArrayList<>()).add(x);
        }
        int[][] rolesByEnt = w.rolesByEnterprise();
        for (var entry : visits.entrySet()) {
            int person = (int) (entry.getKey() >>> 32);
            int e = (int) (long) entry.getKey();
            String tie = null;
            for (int r : rolesByEnt[e]) if (d.rolePerson[r] == person) tie = "(Person:" + d.personKey[person] + ")-[:" + d.roleType[r] + "]->(Enterprise:" + d.uscc[e] + ")";
            if (tie == null && d.personAddress[person] >= 0 && d.personAddress[person] == d.entAddress[e]) {
                tie = "(Person:" + d.personKey[person] + ")-[:LOCATED_AT]->(Address:" + w.address(d.entAddress[e]) + ")<-[:LOCATED_AT]-(Enterprise:" + d.uscc[e] + ")";
            }
            if (tie == null && d.personPhone[person] >= 0 && d.personPhone[person] == d.entPhone[e]) {
                tie = "(Person:" + d.personKey[person] + ")-[:HAS_PHONE]->(Phone:" + w.phone(d.entPhone[e]) + ")<-[:HAS_PHONE]-(Enterprise:" + d.uscc[e] + ")";
            }
            if (tie == null) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(person(person, "inspector"));
            ev.add(Evidence.path(tie, "tie between inspector and firm"));
            int clean = 0;
            for (int x : entry.getValue()) {
                boolean issues = is(d.inspections, "result", "ISSUES_FOUND").test(x);
                if (!issues) clean++;
                ev.add(event(d.inspections, x, issues ? "issues found" : "no issues"));
            }
            ev.add(firm(e, "inspected " + entry.getValue().size() + " time(s) by this inspector"));
            f.add(key(d.personKey[person], d.uscc[e]), e, clean == entry.getValue().size() ? 4 : 3,
                    "inspector " + d.personKey[person] + " inspected " + d.uscc[e] + ", to which he or she is tied", ev);
        }
    }

    // ---- address, phone and ownership ----

    private void newFirmAtRevokedAddress(Found f) {
        int[][] rolesByEnt = w.rolesByEnterprise();
        for (var group : w.firmsBy(d.entAddress).entrySet()) {
            int[] firms = group.getValue();
            if (firms.length < 2 || firms.length > p.maxFirmsAtAddress()) continue;
            for (int e : firms) {
                if (!w.open(e) || !isNew(e, p.newFirmDays())) continue;
                List<Integer> revoked = new ArrayList<>();
                for (int r : firms) {
                    if (r != e && "REVOKED".equals(d.status[r]) && w.established(r) && d.established[r] < d.established[e]) revoked.add(r);
                }
                if (revoked.isEmpty()) continue;
                boolean samePerson = false;
                Set<Integer> persons = new HashSet<>();
                for (int r : rolesByEnt[e]) persons.add(d.rolePerson[r]);
                List<Evidence> ev = new ArrayList<>();
                ev.add(firm(e, "established " + day(d.established[e])));
                ev.add(Evidence.node("Address", w.address(group.getKey()), firms.length + " firms here"));
                for (int r : revoked) {
                    ev.add(firm(r, "revoked, same address"));
                    for (int x : rolesByEnt[r]) {
                        if (persons.contains(d.rolePerson[x])) {
                            samePerson = true;
                            ev.add(Evidence.node("Person", d.personKey[d.rolePerson[x]], "holds roles at both firms"));
                        }
                    }
                }
                f.add(key(d.uscc[e]), e, samePerson ? 4 : 3, "new firm " + d.uscc[e] + " registered at the address of "
                        + revoked.size() + " revoked firm(s)", ev);
            }
        }
    }

    private void shellClusters(Found f, boolean atHubs) {
        for (var group : w.firmsBy(d.entAddress).entrySet()) {
            int[] firms = group.getValue();
            if (firms.length < p.shellMin()) continue;
            boolean hub = firms.length > p.maxFirmsAtAddress();
            if (hub != atHubs) continue;
            Map<Integer, List<Integer>> byPrincipal = new LinkedHashMap<>();
            int[][] rolesByEnt = w.rolesByEnterprise();
            for (int e : firms) {
                if (!w.open(e) || !isNew(e, p.youngFirmDays())) continue;
                double paid = d.paidInCapital[e];
                if (!Double.isNaN(paid) && paid > p.shellPaidInMax()) continue;
                for (int r : rolesByEnt[e]) {
                    if (w.ctx.isPrincipal(r)) byPrincipal.computeIfAbsent(d.rolePerson[r], x -> new ArrayList<>()).add(e);
                }
            }
            for (var cluster : byPrincipal.entrySet()) {
                List<Integer> members = cluster.getValue();
                if (members.size() < p.shellMin()) continue;
                int person = cluster.getKey();
                List<Evidence> ev = new ArrayList<>();
                ev.add(Evidence.node("Address", w.address(group.getKey()), firms.length + " firms registered here"));
                ev.add(person(person, "principal of " + members.size() + " young firms here"));
                long phones = members.stream().mapToLong(e -> d.entPhone[e]).filter(x -> x >= 0).distinct().count();
                for (int e : members) ev.add(firm(e, "established " + day(d.established[e]) + ", paid-in " + paidIn(e)));
                int severity = severityByCount(atHubs ? 3 : 4, members.size(), 5, 8);
                f.add(key(w.address(group.getKey()), d.personKey[person]), bySmallestUscc(members), severity,
                        members.size() + " young firms with nominee " + d.personKey[person] + " at "
                                + (atHubs ? "formation-agent address " : "address ") + w.address(group.getKey())
                                + (phones == 1 ? " sharing one phone" : ""), ev);
            }
        }
    }

    private void phoneOfDFirms(Found f) {
        for (var group : w.firmsBy(d.entPhone).entrySet()) {
            int[] firms = group.getValue();
            if (firms.length < 2 || firms.length > p.maxFirmsOnPhone()) continue;
            List<Integer> dFirms = new ArrayList<>(), others = new ArrayList<>();
            for (int e : firms) if (w.grade[e] == 'D') dFirms.add(e); else if (w.open(e)) others.add(e);
            if (dFirms.size() < p.phoneDFirmsMin()) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(Evidence.node("Phone", w.phone(group.getKey()), firms.length + " firms on this phone"));
            for (int e : dFirms) ev.add(firm(e, "grade D"));
            for (int e : others) ev.add(firm(e, "same phone, grade " + w.grade[e]));
            int subject = bySmallestUscc(others.isEmpty() ? dFirms : others);
            f.add(key(w.phone(group.getKey())), subject, severityByCount(3, dFirms.size(), 3, 5),
                    dFirms.size() + " D-grade firms share phone " + w.phone(group.getKey()), ev);
        }
    }

    private void crossHoldingCycles(Found f) {
        Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int i = 0; i < w.investFrom.length; i++) {
            int a = w.investFrom[i], b = w.investTo[i];
            if (a == b) continue;
            g.addVertex(a);
            g.addVertex(b);
            g.addEdge(a, b);
        }
        for (Set<Integer> scc : new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets()) {
            if (scc.size() < 2) continue;
            List<Integer> members = scc.stream().sorted((x, y) -> d.uscc[x].compareTo(d.uscc[y])).toList();
            List<Evidence> ev = new ArrayList<>();
            for (int e : members) ev.add(firm(e, "in the cycle"));
            for (int i = 0; i < w.investFrom.length; i++) {
                int a = w.investFrom[i], b = w.investTo[i];
                if (scc.contains(a) && scc.contains(b) && a != b) {
                    ev.add(Evidence.path("(Enterprise:" + d.uscc[a] + ")-[:INVESTS_IN]->(Enterprise:" + d.uscc[b] + ")",
                            Double.isNaN(w.investShare[i]) ? "share unknown" : "share " + w.investShare[i]));
                }
            }
            f.add(key(String.join(",", members.stream().map(e -> d.uscc[e]).toList())), members.get(0),
                    severityByCount(3, members.size(), 4, 6), members.size() + " firms own each other in a cycle", ev);
        }
    }

    private void parentHighRisk(Found f) {
        List<int[]> parents = new ArrayList<>();
        for (int i = 0; i < w.investFrom.length; i++) {
            if (w.investShare[i] >= p.controlShareMin()) parents.add(new int[]{w.investTo[i], w.investFrom[i], 0});
        }
        for (int i = 0; i < d.linkFrom.length; i++) {
            if (d.linkType[i].equals("BRANCH_OF")) parents.add(new int[]{d.linkFrom[i], d.linkTo[i], 1});
        }
        for (int[] link : parents) {
            int child = link[0], parent = link[1];
            if (!w.open(child) || child == parent) continue;
            boolean dGrade = w.grade[parent] == 'D', revoked = "REVOKED".equals(d.status[parent]);
            if (!dGrade && !revoked) continue;
            String rel = link[2] == 0 ? "INVESTS_IN" : "BRANCH_OF";
            String path = link[2] == 0 ? "(Enterprise:" + d.uscc[parent] + ")-[:INVESTS_IN]->(Enterprise:" + d.uscc[child] + ")"
                    : "(Enterprise:" + d.uscc[child] + ")-[:BRANCH_OF]->(Enterprise:" + d.uscc[parent] + ")";
            List<Evidence> ev = List.of(firm(child, "grade " + w.grade[child]),
                    firm(parent, (dGrade ? "grade D" : "grade " + w.grade[parent]) + (revoked ? ", revoked" : "")),
                    Evidence.path(path, rel.equals("BRANCH_OF") ? "head office" : "controlling owner"));
            f.add(key(d.uscc[child], d.uscc[parent]), child, d.segments[child].length > 0 ? 3 : 2,
                    (rel.equals("BRANCH_OF") ? "head office " : "controlling owner ") + d.uscc[parent]
                            + (revoked ? " is revoked" : " is graded D"), ev);
        }
    }

    private void closedSupplier(Found f) {
        for (int i = 0; i < d.linkFrom.length; i++) {
            if (!d.linkType[i].equals("SUPPLIES")) continue;
            int supplier = d.linkFrom[i], buyer = d.linkTo[i];
            String s = d.status[supplier];
            if (!("REVOKED".equals(s) || "CANCELLED".equals(s)) || !w.open(buyer)) continue;
            if (!w.inSegment(buyer, "FOOD_SALES", "CATERING")) continue;
            List<Evidence> ev = List.of(firm(buyer, "buyer"), firm(supplier, "status " + s),
                    Evidence.path("(Enterprise:" + d.uscc[supplier] + ")-[:SUPPLIES]->(Enterprise:" + d.uscc[buyer] + ")", "supply link"));
            f.add(key(d.uscc[buyer], d.uscc[supplier]), buyer, 2,
                    d.uscc[buyer] + " is supplied by " + s.toLowerCase(java.util.Locale.ROOT) + " firm " + d.uscc[supplier], ev);
        }
    }

    private void dishonestGuarantee(Found f) {
        int[][] dishonest = w.dishonestByEnterprise();
        for (int i = 0; i < d.linkFrom.length; i++) {
            if (!d.linkType[i].equals("GUARANTEES")) continue;
            int g = d.linkFrom[i], t = d.linkTo[i];
            if (!w.open(g) || dishonest[t].length == 0) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(firm(g, "guarantor"));
            ev.add(firm(t, "dishonest executee"));
            ev.add(Evidence.path("(Enterprise:" + d.uscc[g] + ")-[:GUARANTEES]->(Enterprise:" + d.uscc[t] + ")", "guarantee"));
            for (int x : dishonest[t]) ev.add(event(d.courtRecords, x, "dishonest executee"));
            f.add(key(d.uscc[g], d.uscc[t]), g, 3, d.uscc[g] + " guarantees dishonest executee " + d.uscc[t], ev);
        }
    }

    // ---- events ----

    private void supplierFailedAtSellers(Found f) {
        IntPredicate fail = is(d.samples, "result", "FAIL");
        int[][] byProducer = w.eventsByEnterprise(d.samples, d.samples.ent2, i -> fail.test(i)
                && d.samples.ent[i] >= 0 && d.samples.ent[i] != d.samples.ent2[i] && w.within(d.samples.day[i], p.windowDays()));
        for (int producer = 0; producer < byProducer.length; producer++) {
            int[] samples = byProducer[producer];
            if (samples.length < p.minSellers()) continue;
            Set<Integer> sellers = new LinkedHashSet<>();
            for (int s : samples) sellers.add(d.samples.ent[s]);
            if (sellers.size() < p.minSellers()) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(firm(producer, "producer"));
            for (int s : samples) ev.add(event(d.samples, s, "failed at " + d.uscc[d.samples.ent[s]] + " " + items(s)));
            f.add(key(d.uscc[producer], w.eventKey(d.samples, samples[0])), producer, severityByCount(3, sellers.size(), 3, 5),
                    "products of " + d.uscc[producer] + " failed sampling at " + sellers.size() + " sellers", ev);
        }
    }

    /** W04 / W05: at least minRepeats matching events at the firm within the window. */
    private void repeated(Found f, Events events, IntPredicate filter, String what) {
        int[][] byFirm = w.eventsByEnterprise(events, events.ent, i -> filter.test(i) && w.within(events.day[i], p.windowDays()));
        for (int e = 0; e < byFirm.length; e++) {
            int[] list = byFirm[e];
            if (list.length < p.minRepeats()) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(firm(e, list.length + " x " + what));
            for (int x : list) ev.add(event(events, x, what + (events == d.samples ? " " + items(x) : "")));
            f.add(key(d.uscc[e], w.eventKey(events, list[0])), e, severityByCount(events == d.samples ? 3 : 2, list.length, 3, 5),
                    list.length + " " + what + "s at " + d.uscc[e] + " within " + p.windowDays() + " days", ev);
        }
    }

    private void foodProducerTrigger(Found f) {
        IntPredicate fail = is(d.samples, "result", "FAIL");
        IntPredicate verified = is(d.complaints, "verified", "true");
        int[][] failedAt = w.eventsByEnterprise(d.samples, d.samples.ent, i -> fail.test(i) && w.within(d.samples.day[i], p.triggerDays()));
        int[][] failedOf = w.eventsByEnterprise(d.samples, d.samples.ent2, i -> fail.test(i) && w.within(d.samples.day[i], p.triggerDays()));
        int[][] complaints = w.eventsByEnterprise(d.complaints, d.complaints.ent, i -> verified.test(i) && w.within(d.complaints.day[i], p.triggerDays()));
        int[][] dishonestFirm = w.dishonestByEnterprise();
        int[][] dishonestPerson = w.dishonestByPerson();
        int[][] rolesByEnt = w.rolesByEnterprise();
        for (int e = 0; e < w.n(); e++) {
            if (!w.open(e) || !w.inSegment(e, "FOOD_PRODUCTION", "SPECIAL_FOOD")) continue;
            List<Evidence> ev = new ArrayList<>();
            int latest = GradingData.NO_DAY;
            String latestKey = null;
            List<int[]> triggers = new ArrayList<>(); // {events kind, index}
            for (int x : failedAt[e]) triggers.add(new int[]{0, x});
            for (int x : failedOf[e]) if (d.samples.ent[x] != e) triggers.add(new int[]{0, x});
            for (int x : complaints[e]) triggers.add(new int[]{1, x});
            for (int x : dishonestFirm[e]) if (w.within(d.courtRecords.day[x], p.triggerDays())) triggers.add(new int[]{2, x});
            for (int r : rolesByEnt[e]) {
                if (!w.ctx.isPrincipal(r)) continue;
                for (int x : dishonestPerson[d.rolePerson[r]]) {
                    if (w.within(d.courtRecords.day[x], p.triggerDays())) {
                        triggers.add(new int[]{2, x});
                        ev.add(rolePath(d.rolePerson[r], d.roleType[r], e));
                    }
                }
            }
            if (triggers.isEmpty()) continue;
            ev.add(0, firm(e, "food producer"));
            for (int[] t : triggers) {
                Events events = t[0] == 0 ? d.samples : t[0] == 1 ? d.complaints : d.courtRecords;
                String note = t[0] == 0 ? "failed sample " + items(t[1]) : t[0] == 1 ? "verified complaint" : "dishonest executee";
                ev.add(event(events, t[1], note));
                int day = events.day[t[1]];
                String k = w.eventKey(events, t[1]);
                if (day > latest || (day == latest && k.compareTo(latestKey) > 0)) {
                    latest = day;
                    latestKey = k;
                }
            }
            f.add(key(d.uscc[e], latestKey), e, 4, "food producer " + d.uscc[e] + ": " + triggers.size()
                    + " trigger event(s) within " + p.triggerDays() + " days, re-grade and inspect", ev);
        }
    }

    private void alertBurst(Found f) {
        Events a = d.alerts;
        IntPredicate open = is(a, "status", "OPEN");
        int[][] byFirm = w.eventsByEnterprise(a, a.ent, i -> w.within(a.day[i], p.windowDays()));
        for (int e = 0; e < byFirm.length; e++) {
            int[] list = byFirm[e];
            if (list.length < p.burstMin()) continue;
            int bestStart = -1, bestEnd = -1;
            for (int start = 0, end = 0; end < list.length; end++) {
                while (a.day[list[end]] - a.day[list[start]] >= p.burstDays()) start++;
                if (end - start + 1 < p.burstMin()) continue;
                int undisposed = 0;
                for (int j = start; j <= end; j++) if (undisposed(a, list[j], open)) undisposed++;
                if (undisposed >= p.burstOpenMin()) {
                    bestStart = start;
                    bestEnd = end;
                }
            }
            if (bestStart < 0) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(firm(e, "smart-kitchen alerts"));
            int undisposed = 0;
            for (int j = bestStart; j <= bestEnd; j++) {
                boolean u = undisposed(a, list[j], open);
                if (u) undisposed++;
                ev.add(event(a, list[j], a.text("kind", list[j]) + (u ? " open" : " disposed")));
            }
            f.add(key(d.uscc[e], w.eventKey(a, list[bestStart])), e, undisposed >= 4 ? 4 : 3, (bestEnd - bestStart + 1)
                    + " alerts within " + p.burstDays() + " days at " + d.uscc[e] + ", " + undisposed + " not disposed", ev);
        }
    }

    private boolean undisposed(Events a, int i, IntPredicate open) {
        return open.test(i) && w.asOfDay - a.day[i] > p.openGraceDays();
    }

    private void rodentOpen(Found f) {
        Events a = d.alerts;
        IntPredicate open = is(a, "status", "OPEN");
        IntPredicate rodent = is(a, "kind", "RODENT");
        for (int i = 0; i < a.size(); i++) {
            int e = a.ent[i];
            if (e < 0 || !w.within(a.day[i], 0) || !rodent.test(i) || !undisposed(a, i, open)) continue;
            f.add(key(w.eventKey(a, i)), e, 4, "rodent alert at " + d.uscc[e] + " open since " + day(a.day[i]),
                    List.of(firm(e, "smart kitchen"), event(a, i, "RODENT open")));
        }
    }

    private void complaintSurge(Found f) {
        Events c = d.complaints;
        IntPredicate verified = is(c, "verified", "true");
        int[][] byFirm = w.eventsByEnterprise(c, c.ent, i -> w.within(c.day[i], p.surgeDays() + 365));
        for (int e = 0; e < byFirm.length; e++) {
            List<Integer> recent = new ArrayList<>();
            int before = 0;
            for (int x : byFirm[e]) if (w.within(c.day[x], p.surgeDays())) recent.add(x); else before++;
            if (recent.size() < p.surgeMin()) continue;
            double baseline = before * (double) p.surgeDays() / 365;
            if (recent.size() < p.surgeFactor() * baseline) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(firm(e, before + " complaint(s) in the year before"));
            int v = 0;
            for (int x : recent) {
                if (verified.test(x)) v++;
                ev.add(event(c, x, verified.test(x) ? "verified" : "not verified"));
            }
            f.add(key(d.uscc[e], w.eventKey(c, recent.get(0))), e, v >= 2 ? 3 : 2, recent.size() + " complaints within "
                    + p.surgeDays() + " days at " + d.uscc[e] + " (" + before + " in the year before)", ev);
        }
    }

    private void complaintWithoutFollowUp(Found f) {
        Events c = d.complaints;
        IntPredicate verified = is(c, "verified", "true");
        int[][] complaints = w.eventsByEnterprise(c, c.ent, i -> verified.test(i) && w.within(c.day[i], p.windowDays())
                && w.asOfDay - c.day[i] > p.followUpDays());
        int[][] inspections = w.eventsByEnterprise(d.inspections, d.inspections.ent, i -> true);
        for (int e = 0; e < complaints.length; e++) {
            int latest = -1;
            for (int x : complaints[e]) {
                boolean followed = false;
                for (int y : inspections[e]) {
                    int gap = d.inspections.day[y] - c.day[x];
                    if (gap >= 0 && gap <= p.followUpDays()) { followed = true; break; }
                }
                if (!followed) latest = x;
            }
            if (latest < 0) continue;
            f.add(key(d.uscc[e], w.eventKey(c, latest)), e, 2, "verified complaint at " + d.uscc[e] + " on "
                    + day(c.day[latest]) + " had no inspection within " + p.followUpDays() + " days",
                    List.of(firm(e, "complained about"), event(c, latest, "verified, no follow-up inspection")));
        }
    }

    private void penaltyNotRectified(Found f) {
        IntPredicate issues = is(d.inspections, "result", "ISSUES_FOUND");
        IntPredicate notRectified = is(d.inspections, "rectified", "false");
        int[][] penalties = w.eventsByEnterprise(d.penalties, d.penalties.ent, i -> w.within(d.penalties.day[i], p.windowDays()));
        int[][] inspections = w.eventsByEnterprise(d.inspections, d.inspections.ent, i -> issues.test(i) && notRectified.test(i));
        for (int e = 0; e < penalties.length; e++) {
            if (penalties[e].length == 0 || inspections[e].length == 0) continue;
            int first = penalties[e][0];
            for (int y : inspections[e]) {
                if (d.inspections.day[y] < d.penalties.day[first]) continue;
                List<Evidence> ev = new ArrayList<>();
                ev.add(firm(e, "penalised, not rectified"));
                for (int x : penalties[e]) if (d.penalties.day[x] <= d.inspections.day[y]) ev.add(event(d.penalties, x, d.penalties.text("kind", x)));
                ev.add(event(d.inspections, y, "issues found, not rectified"));
                f.add(key(d.uscc[e], w.eventKey(d.inspections, y)), e, 4, d.uscc[e] + " was penalised and an inspection on "
                        + day(d.inspections.day[y]) + " found issues not rectified", ev);
            }
        }
    }

    private void repeatedPenalties(Found f) {
        int[][] byFirm = w.eventsByEnterprise(d.penalties, d.penalties.ent, i -> w.within(d.penalties.day[i], p.windowDays()));
        for (int e = 0; e < byFirm.length; e++) {
            int[] list = byFirm[e];
            if (list.length < p.repeatPenaltyMin()) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(firm(e, list.length + " penalties"));
            for (int x : list) ev.add(event(d.penalties, x, d.penalties.text("kind", x)));
            f.add(key(d.uscc[e], w.eventKey(d.penalties, list[0])), e, severityByCount(3, list.length, 4, 6),
                    list.length + " penalties at " + d.uscc[e] + " within " + p.windowDays() + " days", ev);
        }
    }

    private void dGradeNotInspected(Found f) {
        int[][] inspections = w.eventsByEnterprise(d.inspections, d.inspections.ent, i -> true);
        for (int e = 0; e < w.n(); e++) {
            if (w.grade[e] != 'D' || !w.open(e)) continue;
            int[] list = inspections[e];
            int last = list.length == 0 ? -1 : list[list.length - 1];
            if (last >= 0 && w.within(d.inspections.day[last], p.inspectionGapDays())) continue;
            List<Evidence> ev = new ArrayList<>();
            ev.add(firm(e, "grade D"));
            if (last >= 0) ev.add(event(d.inspections, last, "last inspection"));
            f.add(key(d.uscc[e], last < 0 ? "none" : w.eventKey(d.inspections, last)), e, 3, "D-grade firm " + d.uscc[e]
                    + (last < 0 ? " has never been inspected" : " not inspected since " + day(d.inspections.day[last])), ev);
        }
    }

    // ---- helpers ----

    private boolean isNew(int e, int days) {
        return w.established(e) && d.established[e] > w.asOfDay - days;
    }

    private static int severityByCount(int base, int count, int plusOneAt, int plusTwoAt) {
        return Math.min(5, base + (count >= plusOneAt ? 1 : 0) + (count >= plusTwoAt ? 1 : 0));
    }

    private String items(int sample) {
        String items = d.samples.text("failed_items", sample);
        return items == null ? "" : items.toLowerCase(java.util.Locale.ROOT);
    }

    private String paidIn(int e) {
        double v = d.paidInCapital[e];
        return Double.isNaN(v) ? "unknown" : String.format(java.util.Locale.ROOT, "%.0f", v);
    }

    private static String day(int epochDay) {
        return epochDay == GradingData.NO_DAY ? "unknown" : java.time.LocalDate.ofEpochDay(epochDay).toString();
    }

    /**
     * The clue's subject among several equal candidates: the one with the smallest USCC, not the first in the order
     * the store returned them (which is the store's: Neo4j's and JanusGraph's differ, a bulk load's varies).
     */
    private int bySmallestUscc(java.util.Collection<Integer> firms) {
        int best = -1;
        for (int e : firms) if (best < 0 || d.uscc[e].compareTo(d.uscc[best]) < 0) best = e;
        return best;
    }

    private static String key(String... parts) {
        return String.join("|", parts);
    }

    private Evidence firm(int e, String note) {
        return Evidence.node("Enterprise", d.uscc[e], note);
    }

    private Evidence person(int person, String note) {
        return Evidence.node("Person", d.personKey[person], note);
    }

    private Evidence rolePath(int person, String relType, int e) {
        return Evidence.path("(Person:" + d.personKey[person] + ")-[:" + relType + "]->(Enterprise:" + d.uscc[e] + ")", "role");
    }


    private Evidence event(Events events, int i, String note) {
        String label = events == d.inspections ? "Inspection" : events == d.samples ? "Sample" : events == d.penalties ? "Penalty"
                : events == d.complaints ? "Complaint" : events == d.courtRecords ? "CourtRecord" : "Alert";
        return Evidence.event(label, w.eventKey(events, i), day(events.day[i]) + " " + note);
    }

    /** Collects one rule's clues. */
    private final class Found {
        final WarningRule rule;
        final List<NewClue> clues = new ArrayList<>();
        final Set<String> keys = new HashSet<>();

        Found(WarningRule rule) { this.rule = rule; }

        void add(String keyParts, int subject, int severity, String summary, List<Evidence> evidence) {
            String dedup = rule.name() + "|" + keyParts;
            if (!keys.add(dedup)) return;
            clues.add(new NewClue(rule.name(), dedup, subject < 0 ? null : d.uscc[subject], subject < 0 ? null : w.segment(subject),
                    severity, summary, evidence, w.asOf()));
        }
    }
}
