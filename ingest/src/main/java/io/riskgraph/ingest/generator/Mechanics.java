package io.riskgraph.ingest.generator;

import io.riskgraph.model.Segment;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the synthetic city works, as opposed to how big it is: which segments and which kinds of event carry risk,
 * how strongly risk spreads through persons, controllers and suppliers, and how inspections are targeted. Learned
 * grading models are evaluated on several of these so that nothing is tuned to one generator (issue 12).
 *
 * <p>Three named presets: {@link #DEFAULT} (the city as it has always been generated: byte-identical output, pinned by
 * {@code GoldenCityTest}), {@link #ALT} and {@link #ALT2} (different along all three axes; see docs/generator.md).
 * Every value is validated at construction with a precise message.
 *
 * @param name      a short name (the preset's, or any label for a custom set), printed by the CLI
 * @param risk      axis 1: which segments and which kinds of event carry risk
 * @param spread    axis 2: how risk spreads over the network (scaled as a whole by {@link GeneratorParams#contagion()})
 * @param targeting axis 3: how inspections are targeted
 */
public record Mechanics(String name, RiskCarriers risk, Spread spread, Targeting targeting) {

    public Mechanics {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("mechanics name must not be blank");
        if (risk == null) throw new IllegalArgumentException("mechanics risk carriers must be given");
        if (spread == null) throw new IllegalArgumentException("mechanics spread must be given");
        if (targeting == null) throw new IllegalArgumentException("mechanics targeting must be given");
    }

    /**
     * Axis 1: which segments and which kinds of event carry risk. Segment effects go into the firm's own risk logit;
     * the other values say how strongly a firm's violation state {@code v} (or its latent risk {@code p}) shows in each
     * kind of event, per half-year.
     *
     * @param segmentEffect               logit effect of each of the 14 segments (a firm with several takes the largest);
     *                                    every segment must be present, each in [-5, 5]
     * @param unsupervisedEffect          logit effect for a firm in no segment, [-5, 5]
     * @param detection                   probability that an on-site inspection finds a real violation, [0, 1]
     * @param remoteDetection             the same for a remote (video) inspection, [0, 1]
     * @param sampleFailIfViolated        added probability that a sample fails while the firm is in violation, [0, 1]
     * @param complaintsIfViolated        complaints per half-year at a consumer-facing firm in violation, [0, 20]
     * @param complaintsIfViolatedOther   the same at other firms, [0, 20]
     * @param complaintVerifiedIfViolated probability that a complaint against a firm in violation is verified, [0, 1]
     * @param lawsuitsPerRisk             lawsuits per half-year per unit of latent risk {@code p}, [0, 5]
     * @param lawsuitsIfViolated          lawsuits per half-year added while in violation, [0, 5]
     * @param dishonestIfViolated         dishonest-executee records per half-year added while in violation, [0, 5]
     * @param alertsIfViolated            smart-kitchen alerts per half-year while in violation, [0, 50]
     * @param personCourtRate             court records of a person over the window: this × sigmoid(2.5·(r − 2)), [0, 10]
     * @param abnormalPerRisk             probability of ABNORMAL status per unit of latent risk, [0, 0.9]
     */
    public record RiskCarriers(Map<Segment, Double> segmentEffect, double unsupervisedEffect, double detection,
                               double remoteDetection, double sampleFailIfViolated, double complaintsIfViolated,
                               double complaintsIfViolatedOther, double complaintVerifiedIfViolated,
                               double lawsuitsPerRisk, double lawsuitsIfViolated, double dishonestIfViolated,
                               double alertsIfViolated, double personCourtRate, double abnormalPerRisk) {
        /** Catering, food production, special food and online trading highest; testing and special-equipment use lowest. */
        public static final Map<Segment, Double> DEFAULT_SEGMENT_EFFECT = Checks.segmentEffects(
                0.5, 0.3, 0.5, 0.6, 0.2, 0.1, 0.3, -0.2, 0.2, 0.1, -0.3, 0.4, 0.0, 0.5);
        public static final double DEFAULT_UNSUPERVISED_EFFECT = -0.4;
        public static final double DEFAULT_DETECTION = 0.75;
        public static final double DEFAULT_REMOTE_DETECTION = 0.45;
        public static final double DEFAULT_SAMPLE_FAIL_IF_VIOLATED = 0.15;
        public static final double DEFAULT_COMPLAINTS_IF_VIOLATED = 0.9;
        public static final double DEFAULT_COMPLAINTS_IF_VIOLATED_OTHER = 0.25;
        public static final double DEFAULT_COMPLAINT_VERIFIED_IF_VIOLATED = 0.65;
        public static final double DEFAULT_LAWSUITS_PER_RISK = 0.4;
        public static final double DEFAULT_LAWSUITS_IF_VIOLATED = 0.0;
        public static final double DEFAULT_DISHONEST_IF_VIOLATED = 0.06;
        public static final double DEFAULT_ALERTS_IF_VIOLATED = 8.0;
        public static final double DEFAULT_PERSON_COURT_RATE = 1.0;
        public static final double DEFAULT_ABNORMAL_PER_RISK = 0.35;

        public static final RiskCarriers DEFAULT = new RiskCarriers(DEFAULT_SEGMENT_EFFECT, DEFAULT_UNSUPERVISED_EFFECT,
                DEFAULT_DETECTION, DEFAULT_REMOTE_DETECTION, DEFAULT_SAMPLE_FAIL_IF_VIOLATED,
                DEFAULT_COMPLAINTS_IF_VIOLATED, DEFAULT_COMPLAINTS_IF_VIOLATED_OTHER,
                DEFAULT_COMPLAINT_VERIFIED_IF_VIOLATED, DEFAULT_LAWSUITS_PER_RISK, DEFAULT_LAWSUITS_IF_VIOLATED,
                DEFAULT_DISHONEST_IF_VIOLATED, DEFAULT_ALERTS_IF_VIOLATED, DEFAULT_PERSON_COURT_RATE,
                DEFAULT_ABNORMAL_PER_RISK);

        public RiskCarriers {
            if (segmentEffect == null) throw new IllegalArgumentException("segmentEffect must be given");
            EnumMap<Segment, Double> copy = new EnumMap<>(Segment.class);
            for (Map.Entry<Segment, Double> e : segmentEffect.entrySet()) {
                if (e.getKey() == null) throw new IllegalArgumentException("segmentEffect has a null segment");
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("segmentEffect of " + e.getKey() + " must be given");
                }
                Checks.range("segmentEffect of " + e.getKey(), e.getValue(), -5, 5);
                copy.put(e.getKey(), e.getValue());
            }
            if (copy.size() != Segment.values().length) {
                EnumSet<Segment> missing = EnumSet.allOf(Segment.class);
                missing.removeAll(copy.keySet());
                throw new IllegalArgumentException("segmentEffect must give every segment; missing " + missing);
            }
            segmentEffect = Collections.unmodifiableMap(copy);
            Checks.range("unsupervisedEffect", unsupervisedEffect, -5, 5);
            Checks.range("detection", detection, 0, 1);
            Checks.range("remoteDetection", remoteDetection, 0, 1);
            Checks.range("sampleFailIfViolated", sampleFailIfViolated, 0, 1);
            Checks.range("complaintsIfViolated", complaintsIfViolated, 0, 20);
            Checks.range("complaintsIfViolatedOther", complaintsIfViolatedOther, 0, 20);
            Checks.range("complaintVerifiedIfViolated", complaintVerifiedIfViolated, 0, 1);
            Checks.range("lawsuitsPerRisk", lawsuitsPerRisk, 0, 5);
            Checks.range("lawsuitsIfViolated", lawsuitsIfViolated, 0, 5);
            Checks.range("dishonestIfViolated", dishonestIfViolated, 0, 5);
            Checks.range("alertsIfViolated", alertsIfViolated, 0, 50);
            Checks.range("personCourtRate", personCourtRate, 0, 10);
            Checks.range("abnormalPerRisk", abnormalPerRisk, 0, 0.9);
        }

        /** The segment effects by {@link Segment#ordinal()}. */
        double[] segmentEffectArray() {
            double[] a = new double[Segment.values().length];
            for (Segment s : Segment.values()) a[s.ordinal()] = segmentEffect.get(s);
            return a;
        }
    }

    /**
     * Axis 2: how risk spreads. A firm's network logit is
     * {@code c·[principal·r(principal) + otherRoles·max r(other role holders) + owner·(z_owner − z̄) (branchParent for a
     * branch's parent) + suppliers·(mean z of suppliers − z̄)]}, c = {@link GeneratorParams#contagion()}; person risk r is
     * N(0, personRiskSd²) plus badActorBoost for a share badActorShare of persons.
     *
     * @param principal     weight of the principal's (legal representative's, manager's) risk, [0, 3]
     * @param otherRoles    weight of the riskiest other role holder, [0, 3]
     * @param owner         weight of the controlling owner's logit, [0, 1] (above 1 chains would amplify)
     * @param branchParent  weight of a branch's parent's logit, [0, 1]
     * @param suppliers     weight of the suppliers' mean logit, [0, 1]
     * @param personRiskSd  standard deviation of person risk, (0, 5]
     * @param badActorShare share of persons who are bad actors, [0, 0.5]
     * @param badActorBoost what a bad actor adds to person risk, [0, 10]
     */
    public record Spread(double principal, double otherRoles, double owner, double branchParent, double suppliers,
                         double personRiskSd, double badActorShare, double badActorBoost) {
        public static final double DEFAULT_PRINCIPAL = 1.0;
        public static final double DEFAULT_OTHER_ROLES = 0.3;
        public static final double DEFAULT_OWNER = 0.7;
        public static final double DEFAULT_BRANCH_PARENT = 0.8;
        public static final double DEFAULT_SUPPLIERS = 0.3;
        public static final double DEFAULT_PERSON_RISK_SD = 1.4;
        public static final double DEFAULT_BAD_ACTOR_SHARE = 0.04;
        public static final double DEFAULT_BAD_ACTOR_BOOST = 3.0;

        public static final Spread DEFAULT = new Spread(DEFAULT_PRINCIPAL, DEFAULT_OTHER_ROLES, DEFAULT_OWNER,
                DEFAULT_BRANCH_PARENT, DEFAULT_SUPPLIERS, DEFAULT_PERSON_RISK_SD, DEFAULT_BAD_ACTOR_SHARE,
                DEFAULT_BAD_ACTOR_BOOST);

        public Spread {
            Checks.range("principal", principal, 0, 3);
            Checks.range("otherRoles", otherRoles, 0, 3);
            Checks.range("owner", owner, 0, 1);
            Checks.range("branchParent", branchParent, 0, 1);
            Checks.range("suppliers", suppliers, 0, 1);
            if (!(personRiskSd > 0 && personRiskSd <= 5)) {
                throw new IllegalArgumentException("personRiskSd must be in (0, 5], got " + personRiskSd);
            }
            Checks.range("badActorShare", badActorShare, 0, 0.5);
            Checks.range("badActorBoost", badActorBoost, 0, 10);
        }
    }

    /**
     * Axis 3: how inspections are targeted; rates are per firm and half-year.
     *
     * @param routineSegments          segments the regulator inspects routinely (its "high-risk" list)
     * @param routineRate              routine inspections of a firm in one of routineSegments, [0, 5]
     * @param followUpRate             extra targeted inspections of a supervised firm once a real violation has been
     *                                 found there (credit-based frequency), [0, 5]
     * @param doubleRandomSupervised   double-random (random-sample) inspections of a supervised firm, [0, 5]
     * @param doubleRandomOther        the same for a firm in no segment, [0, 5]
     * @param campaignRate             campaign inspections of caterers and food sellers, [0, 5]
     * @param remoteRate               remote (video) inspections of a smart kitchen, [0, 5]
     * @param complaintInspectionShare share of verified or pending complaints followed by an inspection, [0, 1]
     * @param failedSampleTrigger      share of failed samples followed by an inspection, [0, 1]
     */
    public record Targeting(Set<Segment> routineSegments, double routineRate, double followUpRate,
                            double doubleRandomSupervised, double doubleRandomOther, double campaignRate,
                            double remoteRate, double complaintInspectionShare, double failedSampleTrigger) {
        /** Food and special-food production, special-equipment making, vehicle inspection and testing agencies. */
        public static final Set<Segment> DEFAULT_ROUTINE_SEGMENTS = Checks.segments(Segment.FOOD_PRODUCTION,
                Segment.SPECIAL_FOOD, Segment.SPECIAL_EQUIPMENT_MAKING, Segment.VEHICLE_INSPECTION,
                Segment.TESTING_AGENCY);
        public static final double DEFAULT_ROUTINE_RATE = 0.35;
        public static final double DEFAULT_FOLLOW_UP_RATE = 0.25;
        public static final double DEFAULT_DOUBLE_RANDOM_SUPERVISED = 0.11;
        public static final double DEFAULT_DOUBLE_RANDOM_OTHER = 0.015;
        public static final double DEFAULT_CAMPAIGN_RATE = 0.05;
        public static final double DEFAULT_REMOTE_RATE = 0.3;
        public static final double DEFAULT_COMPLAINT_INSPECTION_SHARE = 0.45;
        public static final double DEFAULT_FAILED_SAMPLE_TRIGGER = 0.6;

        public static final Targeting DEFAULT = new Targeting(DEFAULT_ROUTINE_SEGMENTS, DEFAULT_ROUTINE_RATE,
                DEFAULT_FOLLOW_UP_RATE, DEFAULT_DOUBLE_RANDOM_SUPERVISED, DEFAULT_DOUBLE_RANDOM_OTHER,
                DEFAULT_CAMPAIGN_RATE, DEFAULT_REMOTE_RATE, DEFAULT_COMPLAINT_INSPECTION_SHARE,
                DEFAULT_FAILED_SAMPLE_TRIGGER);

        public Targeting {
            if (routineSegments == null) throw new IllegalArgumentException("routineSegments must be given");
            if (routineSegments.contains(null)) throw new IllegalArgumentException("routineSegments has a null segment");
            routineSegments = Checks.segments(routineSegments);
            Checks.range("routineRate", routineRate, 0, 5);
            Checks.range("followUpRate", followUpRate, 0, 5);
            Checks.range("doubleRandomSupervised", doubleRandomSupervised, 0, 5);
            Checks.range("doubleRandomOther", doubleRandomOther, 0, 5);
            Checks.range("campaignRate", campaignRate, 0, 5);
            Checks.range("remoteRate", remoteRate, 0, 5);
            Checks.range("complaintInspectionShare", complaintInspectionShare, 0, 1);
            Checks.range("failedSampleTrigger", failedSampleTrigger, 0, 1);
        }

        /** routineSegments as a bit mask over {@link Segment#ordinal()}. */
        int routineMask() {
            int m = 0;
            for (Segment s : routineSegments) m |= 1 << s.ordinal();
            return m;
        }
    }

    // ------------------------------------------------------------------------------------------ presets

    /** The city as it has always been generated (byte-identical to the generator before mechanics were parameters). */
    public static final Mechanics DEFAULT = new Mechanics("default", RiskCarriers.DEFAULT, Spread.DEFAULT,
            Targeting.DEFAULT);

    /**
     * Health products and online trade carry the risk, violations show through complaints and court records far more
     * than through failed samples, risk spreads strongly through persons and controllers, and inspections chase past
     * violations (few random ones).
     */
    public static final Mechanics ALT = new Mechanics("alt",
            new RiskCarriers(Checks.segmentEffects(
                    // FOOD_PRODUCTION, FOOD_SALES, CATERING, SPECIAL_FOOD, DRUG_RETAIL, MEDICAL_DEVICE, COSMETICS,
                    -0.2, -0.1, 0.1, 0.2, 0.9, 1.0, 0.9,
                    // SPECIAL_EQUIPMENT_USE, SPECIAL_EQUIPMENT_MAKING, INDUSTRIAL_PRODUCT, TESTING_AGENCY,
                    0.3, 0.4, 0.3, 0.6,
                    // VEHICLE_INSPECTION, METROLOGY, ONLINE_TRADING
                    0.0, 0.5, 1.1),
                    -0.2, 0.55, 0.30, 0.03, 1.3, 0.5, 0.75, 0.2, 0.25, 0.15, 3.0, 1.5, 0.2),
            new Spread(1.1, 1.0, 1.0, 1.0, 0.2, 1.2, 0.08, 3.0),
            new Targeting(Checks.segments(Segment.DRUG_RETAIL, Segment.MEDICAL_DEVICE, Segment.COSMETICS,
                    Segment.ONLINE_TRADING, Segment.TESTING_AGENCY),
                    0.25, 1.0, 0.04, 0.005, 0.02, 0.3, 0.7, 0.8));

    /**
     * Special equipment (users of lifts and boilers above all), licensed industry, vehicle inspection and metrology
     * carry the risk, food and online trade much less, and unsupervised firms are safer;
     * violations show through failed samples, smart-kitchen alerts and inspections rather than complaints or courts,
     * risk spreads weakly through persons but along supply chains, and inspections are mostly random (the routine list
     * is the default one, no longer where the risk is, and past violations bring no follow-up).
     */
    public static final Mechanics ALT2 = new Mechanics("alt2",
            new RiskCarriers(Checks.segmentEffects(
                    // FOOD_PRODUCTION, FOOD_SALES, CATERING, SPECIAL_FOOD, DRUG_RETAIL, MEDICAL_DEVICE, COSMETICS,
                    0.0, -0.1, -0.1, -0.1, -0.2, -0.1, 0.0,
                    // SPECIAL_EQUIPMENT_USE, SPECIAL_EQUIPMENT_MAKING, INDUSTRIAL_PRODUCT, TESTING_AGENCY,
                    1.3, 1.0, 0.8, 0.4,
                    // VEHICLE_INSPECTION, METROLOGY, ONLINE_TRADING
                    0.8, 0.8, -0.3),
                    -0.8, 0.9, 0.6, 0.40, 0.25, 0.05, 0.35, 0.1, 0.0, 0.0, 12.0, 0.5, 0.6),
            new Spread(0.3, 0.1, 0.2, 0.3, 0.9, 1.0, 0.02, 2.0),
            new Targeting(Targeting.DEFAULT_ROUTINE_SEGMENTS, 0.1, 0.0, 0.25, 0.04, 0.1, 0.15, 0.2, 0.3));

    /** The named presets, in order. */
    public static final List<Mechanics> PRESETS = List.of(DEFAULT, ALT, ALT2);

    /** The preset of that name (case-insensitive). */
    public static Mechanics preset(String name) {
        if (name == null) throw new IllegalArgumentException("mechanics must be one of " + presetNames() + ", got null");
        String k = name.trim().toLowerCase(Locale.ROOT);
        for (Mechanics m : PRESETS) if (m.name().equals(k)) return m;
        throw new IllegalArgumentException("mechanics must be one of " + presetNames() + ", got '" + name + "'");
    }

    public static List<String> presetNames() { return PRESETS.stream().map(Mechanics::name).toList(); }

    // ------------------------------------------------------------------------------------------ helpers

    /** Segment effects in {@link Segment} order (all 14 values), for building a custom {@link RiskCarriers}. */
    public static Map<Segment, Double> segmentEffects(double... byOrdinal) { return Checks.segmentEffects(byOrdinal); }

    /** Helpers kept out of Mechanics so that the nested records' constants never wait for Mechanics' own. */
    static final class Checks {
        private Checks() {}

        static Map<Segment, Double> segmentEffects(double... byOrdinal) {
            Segment[] all = Segment.values();
            if (byOrdinal.length != all.length) {
                throw new IllegalArgumentException("segment effects need " + all.length + " values in Segment order, got "
                        + byOrdinal.length + ": " + Arrays.toString(byOrdinal));
            }
            EnumMap<Segment, Double> m = new EnumMap<>(Segment.class);
            for (Segment s : all) m.put(s, byOrdinal[s.ordinal()]);
            return Collections.unmodifiableMap(m);
        }

        static Set<Segment> segments(Segment... s) { return segments(Arrays.asList(s)); }

        static Set<Segment> segments(Collection<Segment> s) {
            EnumSet<Segment> e = EnumSet.noneOf(Segment.class);
            e.addAll(s);
            return Collections.unmodifiableSet(e);
        }

        static void range(String what, double v, double lo, double hi) {
            if (!(v >= lo && v <= hi)) {
                throw new IllegalArgumentException(what + " must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + v);
            }
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
