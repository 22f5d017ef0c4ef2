package io.riskgraph.risk.grading;

import io.riskgraph.risk.grading.GradingData.Events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

import static io.riskgraph.risk.grading.Category.BASIC;
import static io.riskgraph.risk.grading.Category.DYNAMIC;
import static io.riskgraph.risk.grading.Category.NETWORK;
import static io.riskgraph.risk.grading.Category.SOCIAL;
import static io.riskgraph.risk.grading.Category.SUPERVISION;
import static io.riskgraph.risk.grading.GradingInput.ALERTS;
import static io.riskgraph.risk.grading.GradingInput.COMPLAINTS;
import static io.riskgraph.risk.grading.GradingInput.COURT_RECORDS;
import static io.riskgraph.risk.grading.GradingInput.INSPECTIONS;
import static io.riskgraph.risk.grading.GradingInput.PENALTIES;
import static io.riskgraph.risk.grading.GradingInput.SAMPLES;
import static io.riskgraph.risk.grading.GradingInput.STATE;
import static io.riskgraph.risk.grading.GradingInput.TROUBLE;
import static io.riskgraph.risk.grading.GradingInput.of;
import static io.riskgraph.risk.grading.GradingInput.union;
import static io.riskgraph.risk.grading.IndicatorContext.M12;
import static io.riskgraph.risk.grading.IndicatorContext.M24;
import static io.riskgraph.risk.grading.IndicatorContext.M36;
import static io.riskgraph.risk.grading.IndicatorContext.M6;
import static io.riskgraph.risk.grading.IndicatorContext.any;
import static io.riskgraph.risk.grading.IndicatorContext.is;

/**
 * The indicator library, by code. Codes are stable: a model file refers to them, so an indicator is never
 * renumbered, only added.
 */
public final class IndicatorLibrary {
    /** Segments whose firms the generator and the field both find riskier (food chain, online trade). */
    static final Set<String> HIGH_RISK_SEGMENTS = Set.of("CATERING", "FOOD_PRODUCTION", "SPECIAL_FOOD", "ONLINE_TRADING");
    /** Young: registered within this many years; low paid-in: at most this many CNY (the shell-cluster pattern). */
    static final Map<String, Integer> SEGMENT_CLASS = Map.of("CATERING", 3, "FOOD_PRODUCTION", 3, "SPECIAL_FOOD", 3,
            "ONLINE_TRADING", 3, "FOOD_SALES", 2, "DRUG_RETAIL", 2, "MEDICAL_DEVICE", 2, "COSMETICS", 2,
            "INDUSTRIAL_PRODUCT", 2, "SPECIAL_EQUIPMENT_MAKING", 2);
    static final double SHELL_MAX_AGE_YEARS = 2.0, SHELL_MAX_PAID_IN = 10_000;
    static final int SHELL_MIN_FIRMS = 3;
    /** A formation agent's address holds hundreds of ordinary firms; shells are the majority of theirs. */
    static final double SHELL_MIN_SHARE = 0.6;

    private static final Map<String, Indicator> ALL = build();

    private IndicatorLibrary() {}

    public static Map<String, Indicator> all() { return ALL; }

    public static Indicator get(String code) { return ALL.get(code); }

    private static Map<String, Indicator> build() {
        List<Indicator> l = new ArrayList<>();
        // ---- BASIC ----
        l.add(ind("B01", none(), "成立年限", "years since establishment", BASIC, 0, "years from established to as-of",
                c -> per(c, i -> c.ageYears(i))));
        l.add(ind("B02", of(STATE), "注册资本(对数)", "registered capital, log10 CNY", BASIC, 0, "log10(1 + registered_capital)",
                c -> per(c, i -> Math.log10(1 + nz(c.data.registeredCapital[i])))));
        l.add(ind("B03", of(STATE), "实缴比例", "paid-in share of registered capital", BASIC, 0,
                "paid_in_capital / registered_capital (1 when no registered capital)",
                c -> per(c, i -> nz(c.data.registeredCapital[i]) <= 0 ? 1
                        : Math.min(1, nz(c.data.paidInCapital[i]) / c.data.registeredCapital[i]))));
        l.add(ind("B04", of(STATE), "零实缴", "no paid-in capital", BASIC, 0, "1 when a company with registered capital has paid in 0",
                c -> per(c, i -> nz(c.data.registeredCapital[i]) > 0 && nz(c.data.paidInCapital[i]) <= 0 ? 1 : 0)));
        l.add(ind("B05", of(STATE), "从业人数", "employees", BASIC, 0, "employees (0 when absent)",
                c -> per(c, i -> nz(c.data.employees[i]))));
        l.add(ind("B06", of(STATE), "个体工商户", "individual business", BASIC, 0, "1 when type is INDIVIDUAL_BUSINESS",
                c -> per(c, i -> "INDIVIDUAL_BUSINESS".equals(c.data.type[i]) ? 1 : 0)));
        l.add(ind("B07", of(STATE), "分支机构", "branch", BASIC, 0, "1 when type is BRANCH",
                c -> per(c, i -> "BRANCH".equals(c.data.type[i]) ? 1 : 0)));
        l.add(ind("B08", of(STATE), "经营异常", "listed as abnormal", BASIC, 0, "1 when status is ABNORMAL",
                c -> per(c, i -> "ABNORMAL".equals(c.data.status[i]) ? 1 : 0)));
        // a closed firm cannot violate in the coming half-year, so the open state is what carries points
        l.add(ind("B09", of(STATE), "在营", "still operating", BASIC, 0, "1 unless status is REVOKED or CANCELLED",
                c -> per(c, i -> "REVOKED".equals(c.data.status[i]) || "CANCELLED".equals(c.data.status[i]) ? 0 : 1)));
        l.add(ind("B10", none(), "监管领域数", "supervised segments", BASIC, 0, "number of the 14 segments",
                c -> per(c, i -> c.data.segments[i].length)));
        l.add(ind("B11", none(), "高风险领域", "high-risk segment", BASIC, 0,
                "1 in catering, food production, special food or online trading",
                c -> per(c, i -> {
                    for (String s : c.data.segments[i]) if (HIGH_RISK_SEGMENTS.contains(s)) return 1;
                    return 0;
                })));
        l.add(ind("B12", none(), "信用代码校验失败", "USCC check character wrong", BASIC, 0, "1 when uscc_check_failed",
                c -> per(c, i -> c.data.usccCheckFailed[i] ? 1 : 0)));
        l.add(ind("B13", none(), "未登记电话", "no phone registered", BASIC, 0, "1 when the phone field is empty",
                c -> per(c, i -> c.data.hasPhoneField[i] ? 0 : 1)));
        l.add(ind("B14", none(), "新设企业", "established within a year", BASIC, M12, "1 when established in the window",
                c -> per(c, i -> c.ageYears(i) < 1 ? 1 : 0)));
        l.add(ind("B15", none(), "餐饮服务", "catering", BASIC, 0, "1 in segment CATERING",
                c -> per(c, i -> List.of(c.data.segments[i]).contains("CATERING") ? 1 : 0)));
        l.add(ind("B16", none(), "登记人员数", "registered role holders", BASIC, 0, "roles held in the firm (any person)",
                c -> {
                    double[] v = new double[c.n];
                    for (int e : c.data.roleEnt) v[e]++;
                    return new Indicator.Values(v);
                }));
        l.add(ind("B17", none(), "非监管对象", "outside the supervised segments", BASIC, 0, "1 when in none of the 14 segments",
                c -> per(c, i -> c.data.segments[i].length == 0 ? 1 : 0)));

        l.add(ind("B18", none(), "领域风险等级", "segment risk class", BASIC, 0,
                "highest class of its segments: 3 catering, food production, special food, online trading; 2 other food "
                        + "and health products; 1 equipment, testing, metrology, vehicles; 0 none", c -> per(c, i -> {
                    int best = 0;
                    for (String s : c.data.segments[i]) best = Math.max(best, SEGMENT_CLASS.getOrDefault(s, 1));
                    return best;
                })));

        // ---- DYNAMIC (samples, smart-kitchen alerts, activity) ----
        l.add(ind("D01", of(SAMPLES), "抽检批次", "samples taken", DYNAMIC, M12, "samples taken at the firm",
                c -> v(c.count(c.data.samples, M12, any()))));
        l.add(ind("D02", of(SAMPLES), "抽检不合格(12月)", "failed samples, 12 months", DYNAMIC, M12, "samples with result FAIL",
                c -> v(c.count(c.data.samples, M12, fail(c)))));
        l.add(ind("D03", of(SAMPLES), "抽检不合格(36月)", "failed samples, 36 months", DYNAMIC, M36, "samples with result FAIL",
                c -> v(c.count(c.data.samples, M36, fail(c)))));
        l.add(ind("D04", of(SAMPLES), "抽检不合格率", "sample failure rate", DYNAMIC, M36, "failed / taken (0 when none taken)",
                c -> v(ratio(c.count(c.data.samples, M36, fail(c)), c.count(c.data.samples, M36, any())))));
        l.add(ind("D05", of(SAMPLES), "作为生产者抽检不合格", "failed samples as producer", DYNAMIC, M36,
                "failed samples naming the firm as producer", c -> v(c.count(c.data.samples, c.data.samples.ent2, M36, fail(c)))));
        l.add(ind("D06", of(ALERTS), "智慧厨房告警(6月)", "smart-kitchen alerts, 6 months", DYNAMIC, M6, "alerts raised",
                c -> v(c.count(c.data.alerts, M6, any()))));
        l.add(ind("D07", of(ALERTS), "智慧厨房告警(12月)", "smart-kitchen alerts, 12 months", DYNAMIC, M12, "alerts raised",
                c -> v(c.count(c.data.alerts, M12, any()))));
        l.add(ind("D08", of(ALERTS), "未处置告警", "alerts left open", DYNAMIC, M12, "alerts with status OPEN",
                c -> v(c.count(c.data.alerts, M12, is(c.data.alerts, "status", "OPEN")))));
        l.add(ind("D09", of(ALERTS), "鼠患告警", "rodent alerts", DYNAMIC, M12, "alerts of kind RODENT",
                c -> v(c.count(c.data.alerts, M12, is(c.data.alerts, "kind", "RODENT")))));
        l.add(ind("D10", of(ALERTS), "吸烟告警", "smoking alerts", DYNAMIC, M12, "alerts of kind SMOKING",
                c -> v(c.count(c.data.alerts, M12, is(c.data.alerts, "kind", "SMOKING")))));
        l.add(ind("D11", of(ALERTS), "告警增长", "alert growth", DYNAMIC, M12,
                "alerts in the last 6 months minus those in the 6 before",
                c -> {
                    double[] a = c.count(c.data.alerts, M6, any());
                    double[] b = c.count(c.data.alerts, M12, any());
                    return v(per(c, i -> a[i] - (b[i] - a[i])).value());
                }));
        l.add(ind("D12", of(INSPECTIONS, SAMPLES, ALERTS, COMPLAINTS), "无任何记录", "no recorded activity", DYNAMIC, M36,
                "1 when no inspection, sample, alert or complaint concerns the firm in the window",
                c -> {
                    double[] t = c.count(c.data.inspections, M36, any());
                    IndicatorContext.add(t, c.count(c.data.samples, M36, any()));
                    IndicatorContext.add(t, c.count(c.data.alerts, M36, any()));
                    IndicatorContext.add(t, c.count(c.data.complaints, M36, any()));
                    return per(c, i -> t[i] == 0 ? 1 : 0);
                }));
        l.add(ind("D13", of(SAMPLES), "不合格项目数", "failed items", DYNAMIC, M36, "failed items over failed samples",
                c -> {
                    Events s = c.data.samples;
                    double[] out = new double[c.n];
                    for (int i = 0; i < s.size(); i++) {
                        String items = s.text("failed_items", i);
                        if (s.ent[i] >= 0 && items != null && !items.isBlank() && c.inWindow(s.day[i], M36)) {
                            out[s.ent[i]] += items.split("\\|").length;
                        }
                    }
                    return v(out);
                }));
        l.add(ind("D14", of(SAMPLES), "非法添加/违禁物质", "banned substance found", DYNAMIC, M36,
                "failed samples with a banned_substance item", c -> {
                    Events s = c.data.samples;
                    return v(c.count(s, M36, i -> {
                        String items = s.text("failed_items", i);
                        return items != null && items.contains("BANNED_SUBSTANCE");
                    }));
                }));
        l.add(ind("D16", of(SAMPLES), "抽检不合格(6月)", "failed samples, 6 months", DYNAMIC, M6, "samples with result FAIL",
                c -> v(c.count(c.data.samples, M6, fail(c)))));
        l.add(ind("D15", of(ALERTS), "告警(36月)", "smart-kitchen alerts, 36 months", DYNAMIC, M36, "alerts raised",
                c -> v(c.count(c.data.alerts, M36, any()))));

        // ---- SUPERVISION (inspections, penalties) ----
        l.add(ind("S01", of(INSPECTIONS), "检查次数", "inspections", SUPERVISION, M12, "inspections of the firm",
                c -> v(c.count(c.data.inspections, M12, any()))));
        l.add(ind("S02", of(INSPECTIONS), "检查发现问题(12月)", "inspections with issues, 12 months", SUPERVISION, M12,
                "inspections with result ISSUES_FOUND", c -> v(c.count(c.data.inspections, M12, issues(c)))));
        l.add(ind("S03", of(INSPECTIONS), "检查发现问题(36月)", "inspections with issues, 36 months", SUPERVISION, M36,
                "inspections with result ISSUES_FOUND", c -> v(c.count(c.data.inspections, M36, issues(c)))));
        l.add(ind("S04", of(INSPECTIONS), "问题发现率", "issue rate", SUPERVISION, M36, "inspections with issues / inspections",
                c -> v(ratio(c.count(c.data.inspections, M36, issues(c)), c.count(c.data.inspections, M36, any())))));
        l.add(ind("S05", of(INSPECTIONS), "问题数", "issues found", SUPERVISION, M36, "sum of issues over inspections",
                c -> v(c.sum(c.data.inspections, "issues", M36, any()))));
        l.add(ind("S06", of(INSPECTIONS), "未整改", "unrectified findings", SUPERVISION, M36,
                "inspections with issues and rectified false",
                c -> v(c.count(c.data.inspections, M36, issues(c).and(is(c.data.inspections, "rectified", "false"))))));
        l.add(ind("S07", of(INSPECTIONS), "触发式检查", "triggered or complaint inspections", SUPERVISION, M12,
                "inspections of kind TRIGGERED or COMPLAINT", c -> v(c.count(c.data.inspections, M12,
                        is(c.data.inspections, "kind", "TRIGGERED").or(is(c.data.inspections, "kind", "COMPLAINT"))))));
        l.add(ind("S08", of(PENALTIES), "行政处罚(12月)", "penalties, 12 months", SUPERVISION, M12, "penalties of any kind",
                c -> v(c.count(c.data.penalties, M12, any()))));
        l.add(ind("S09", of(PENALTIES), "行政处罚(36月)", "penalties, 36 months", SUPERVISION, M36, "penalties of any kind",
                c -> v(c.count(c.data.penalties, M36, any()))));
        l.add(ind("S10", of(PENALTIES), "罚没金额(对数)", "fines, log10 CNY", SUPERVISION, M36, "log10(1 + sum of amounts)",
                c -> {
                    double[] s = c.sum(c.data.penalties, "amount", M36, any());
                    return per(c, i -> Math.log10(1 + s[i]));
                }));
        l.add(ind("S11", of(PENALTIES), "严重处罚", "severe penalties", SUPERVISION, M36,
                "penalties of kind CONFISCATION, SUSPENSION or LICENSE_REVOCATION", c -> {
                    Events p = c.data.penalties;
                    return v(c.count(p, M36, is(p, "kind", "CONFISCATION").or(is(p, "kind", "SUSPENSION"))
                            .or(is(p, "kind", "LICENSE_REVOCATION"))));
                }));
        l.add(ind("S12", of(PENALTIES), "从轻减轻免罚", "lenient penalties", SUPERVISION, M36,
                "penalties with leniency REDUCED, LIGHTER or EXEMPTED", c -> {
                    Events p = c.data.penalties;
                    return v(c.count(p, M36, is(p, "leniency", "REDUCED").or(is(p, "leniency", "LIGHTER"))
                            .or(is(p, "leniency", "EXEMPTED"))));
                }));
        l.add(ind("S13", of(PENALTIES), "责令改正", "corrective notices", SUPERVISION, M36, "penalties of kind CORRECTIVE_NOTICE",
                c -> v(c.count(c.data.penalties, M36, is(c.data.penalties, "kind", "CORRECTIVE_NOTICE")))));
        l.add(ind("S14", of(INSPECTIONS), "距上次发现问题月数", "months since last issue", SUPERVISION, M36,
                "months since the latest inspection with issues (37 when none)", c -> {
                    Events ev = c.data.inspections;
                    IntPredicate f = issues(c);
                    double[] out = IndicatorContext.constant(c.n, 37);
                    for (int i = 0; i < ev.size(); i++) {
                        if (ev.ent[i] >= 0 && c.inWindow(ev.day[i], M36) && f.test(i)) {
                            out[ev.ent[i]] = Math.min(out[ev.ent[i]], (c.asOfDay - ev.day[i]) / 30.44);
                        }
                    }
                    return v(out);
                }));
        l.add(ind("S15", of(INSPECTIONS), "远程检查发现问题", "remote inspections with issues", SUPERVISION, M36,
                "REMOTE inspections with issues",
                c -> v(c.count(c.data.inspections, M36, issues(c).and(is(c.data.inspections, "kind", "REMOTE"))))));
        l.add(ind("S16", of(INSPECTIONS), "检查发现问题(6月)", "inspections with issues, 6 months", SUPERVISION, M6,
                "inspections with result ISSUES_FOUND", c -> v(c.count(c.data.inspections, M6, issues(c)))));
        l.add(ind("S17", of(PENALTIES), "行政处罚(6月)", "penalties, 6 months", SUPERVISION, M6, "penalties of any kind",
                c -> v(c.count(c.data.penalties, M6, any()))));
        l.add(ind("S18", none(), "自身事件风险", "own event risk", SUPERVISION, 0,
                "risk_own written by analyze (weighted count of own risk events)",
                c -> per(c, i -> nz(c.data.riskOwn[i]))));

        l.add(ind("S19", TROUBLE, "违法半年数", "half-years with violation evidence", SUPERVISION, M36,
                "half-years (counted back from as-of) with an inspection finding, penalty, failed sample or verified "
                        + "complaint; estimates how often the firm is in violation", IndicatorLibrary::halfYears));
        l.add(ind("S20", TROUBLE, "近半年违法迹象", "violation evidence, last half-year", SUPERVISION, M6,
                "inspection findings + penalties + failed samples + verified complaints in 6 months", c -> {
                    GradingData d = c.data;
                    double[] t = c.count(d.inspections, M6, issues(c));
                    IndicatorContext.add(t, c.count(d.penalties, M6, any()));
                    IndicatorContext.add(t, c.count(d.samples, M6, fail(c)));
                    IndicatorContext.add(t, c.count(d.complaints, M6, verified(c)));
                    return v(t);
                }));

        // ---- SOCIAL (complaints, courts) ----
        l.add(ind("E01", of(COMPLAINTS), "投诉举报(6月)", "complaints, 6 months", SOCIAL, M6, "complaints about the firm",
                c -> v(c.count(c.data.complaints, M6, any()))));
        l.add(ind("E02", of(COMPLAINTS), "投诉举报(12月)", "complaints, 12 months", SOCIAL, M12, "complaints about the firm",
                c -> v(c.count(c.data.complaints, M12, any()))));
        l.add(ind("E03", of(COMPLAINTS), "查实投诉(12月)", "verified complaints, 12 months", SOCIAL, M12, "complaints verified true",
                c -> v(c.count(c.data.complaints, M12, verified(c)))));
        l.add(ind("E04", of(COMPLAINTS), "查实投诉(36月)", "verified complaints, 36 months", SOCIAL, M36, "complaints verified true",
                c -> v(c.count(c.data.complaints, M36, verified(c)))));
        l.add(ind("E05", of(COMPLAINTS), "待核实投诉", "pending complaints", SOCIAL, M6, "complaints without a verification",
                c -> {
                    Events ev = c.data.complaints;
                    int p = ev.propNames.indexOf("verified");
                    return v(c.count(ev, M6, i -> ev.props[p][i] == null));
                }));
        l.add(ind("E06", of(COMPLAINTS), "投诉查实率", "complaint verification rate", SOCIAL, M36, "verified / complaints",
                c -> v(ratio(c.count(c.data.complaints, M36, verified(c)), c.count(c.data.complaints, M36, any())))));
        l.add(ind("E07", of(COURT_RECORDS), "被诉案件", "lawsuits as defendant", SOCIAL, M36, "court records with role DEFENDANT",
                c -> v(c.count(c.data.courtRecords, M36, is(c.data.courtRecords, "role", "DEFENDANT")))));
        l.add(ind("E08", of(COURT_RECORDS), "败诉案件", "lawsuits lost", SOCIAL, M36, "court records with outcome LOST",
                c -> v(c.count(c.data.courtRecords, M36, is(c.data.courtRecords, "outcome", "LOST")))));
        l.add(ind("E09", of(COURT_RECORDS), "失信被执行人", "dishonest executee", SOCIAL, 0,
                "active (not CLEARED) DISHONEST_EXECUTEE records of the firm", c -> {
                    Events ev = c.data.courtRecords;
                    return v(c.count(ev, 0, is(ev, "kind", "DISHONEST_EXECUTEE").and(is(ev, "status", "CLEARED").negate())));
                }));
        l.add(ind("E10", of(COURT_RECORDS), "被执行记录", "enforcement records", SOCIAL, M36, "court records of kind ENFORCEMENT",
                c -> v(c.count(c.data.courtRecords, M36, is(c.data.courtRecords, "kind", "ENFORCEMENT")))));
        l.add(ind("E11", of(COURT_RECORDS), "涉诉金额(对数)", "court amounts, log10 CNY", SOCIAL, M36, "log10(1 + sum of amounts)",
                c -> {
                    double[] s = c.sum(c.data.courtRecords, "amount", M36, any());
                    return per(c, i -> Math.log10(1 + s[i]));
                }));
        l.add(ind("E12", of(COURT_RECORDS), "司法记录", "court records", SOCIAL, M36, "court records of any kind",
                c -> v(c.count(c.data.courtRecords, M36, any()))));

        l.add(ind("E13", of(COMPLAINTS), "查实投诉(6月)", "verified complaints, 6 months", SOCIAL, M6, "complaints verified true",
                c -> v(c.count(c.data.complaints, M6, verified(c)))));

        // ---- NETWORK (related parties, algorithms' write-back) ----
        l.add(ind("N01", none(), "关联传导风险", "inherited risk", NETWORK, 0,
                "risk_inherited written by analyze; source: the strongest related risk source", c -> {
                    double[] v = per(c, i -> nz(c.data.riskInherited[i])).value();
                    return new Indicator.Values(v, c.cached("strongestSource", none(), () -> strongestSource(c)));
                }));
        l.add(ind("N02", none(), "PageRank", "PageRank", NETWORK, 0, "pagerank × enterprises (1 = average)",
                c -> per(c, i -> nz(c.data.pagerank[i]) * c.n)));
        l.add(ind("N03", none(), "加权度", "weighted degree", NETWORK, 0, "degree_weighted", c -> per(c, i -> nz(c.data.degree[i]))));
        l.add(ind("N04", none(), "介数中心性", "betweenness", NETWORK, 0, "log10(1 + betweenness)",
                c -> per(c, i -> Math.log10(1 + nz(c.data.betweenness[i])))));
        l.add(ind("N05", none(), "连通分量规模", "component size", NETWORK, 0, "log10(wcc_size)",
                c -> per(c, i -> Math.log10(Math.max(1, nz(c.data.wccSize[i]))))));
        l.add(ind("N06", TROUBLE, "社区风险密度", "community risk density", NETWORK, 0,
                "share of the other enterprises of its Louvain community with trouble in 36 months",
                c -> v(density(c, c.data.community))).readingGroups(GroupKey.COMMUNITY));
        l.add(ind("N07", TROUBLE, "连通分量风险密度", "component risk density", NETWORK, 0,
                "share of the other enterprises of its component with trouble in 36 months",
                c -> v(density(c, c.data.wcc))).readingGroups(GroupKey.COMPONENT));
        l.add(ind("N08", of(COURT_RECORDS, STATE), "法定代表人失信", "legal representative is a dishonest executee", NETWORK, 0,
                "active dishonest-executee records of the principal(s)", c -> {
                    double[] pd = c.personDishonest();
                    double[] v = new double[c.n];
                    String[] src = new String[c.n];
                    for (int r = 0; r < c.data.rolePerson.length; r++) {
                        int p = c.data.rolePerson[r];
                        if (c.isPrincipal(r) && pd[p] > 0) {
                            v[c.data.roleEnt[r]] += pd[p];
                            src[c.data.roleEnt[r]] = "person " + c.data.personKey[p];
                        }
                    }
                    return new Indicator.Values(v, src);
                }));
        l.add(ind("N09", of(COURT_RECORDS), "人员涉诉", "role holders' court records", NETWORK, M36,
                "court records in 36 months of all persons with a role in the firm", c -> personSum(c, c.personCourt(), false)));
        l.add(ind("N10", union(TROUBLE, STATE), "实控人其他企业风险", "principal's other firms in trouble", NETWORK, M36,
                "other firms of the principal with trouble in 36 months", c -> otherFirms(c, true)));
        l.add(ind("N11", TROUBLE, "关联人其他企业风险", "role holders' other firms in trouble", NETWORK, M36,
                "other firms (any role) of the firm's persons with trouble in 36 months", c -> otherFirms(c, false)));
        l.add(ind("N12", of(STATE), "法人任职企业数", "principal's firms", NETWORK, 0, "firms of the principal (max over principals)",
                c -> {
                    int[] f = c.firmsPerPerson(true);
                    double[] v = new double[c.n];
                    for (int r = 0; r < c.data.rolePerson.length; r++) {
                        if (c.isPrincipal(r)) v[c.data.roleEnt[r]] = Math.max(v[c.data.roleEnt[r]], f[c.data.rolePerson[r]]);
                    }
                    return v(v);
                }));
        l.add(ind("N13", of(STATE), "空壳集群", "shell-cluster member", NETWORK, M24,
                "1 when young (< 2 y) with paid-in ≤ 10k CNY and its address or phone holds ≥ 3 such firms that are "
                        + "≥ 60 % of the firms there", IndicatorLibrary::shells).readingGroups(GroupKey.ADDRESS, GroupKey.PHONE));
        l.add(ind("N14", none(), "同址企业数", "firms at the same address", NETWORK, 0, "firms at the address",
                c -> per(c, i -> c.groupSize(c.data.entAddress)[i])).readingGroups(GroupKey.ADDRESS));
        l.add(ind("N15", none(), "同电话企业数", "firms with the same phone", NETWORK, 0, "firms with the phone",
                c -> per(c, i -> c.groupSize(c.data.entPhone)[i])).readingGroups(GroupKey.PHONE));
        l.add(ind("N16", TROUBLE, "母公司/总公司风险", "parent in trouble", NETWORK, M36,
                "trouble in 36 months of investors (INVESTS_IN) and head office (BRANCH_OF)",
                c -> highestAmongParents(c, c.trouble())));
        l.add(ind("N17", of(SAMPLES), "供应商抽检不合格", "suppliers' failed samples", NETWORK, M36,
                "failed samples (at or by) of the firm's suppliers", c -> {
                    double[] f = c.count(c.data.samples, M36, fail(c));
                    IndicatorContext.add(f, c.count(c.data.samples, c.data.samples.ent2, M36, fail(c)));
                    double[] v = new double[c.n];
                    String[] src = new String[c.n];
                    double[] best = new double[c.n];
                    for (int k = 0; k < c.data.linkFrom.length; k++) {
                        if (!c.data.linkType[k].equals("SUPPLIES")) continue;
                        int s = c.data.linkFrom[k], e = c.data.linkTo[k];
                        v[e] += f[s];
                        if (f[s] > best[e]) {
                            best[e] = f[s];
                            src[e] = c.data.uscc[s];
                        }
                    }
                    return new Indicator.Values(v, src);
                }));
        l.add(ind("N18", none(), "投资关联数", "investment links", NETWORK, 0, "INVESTS_IN links in and out",
                c -> linkCount(c, "INVESTS_IN")));
        l.add(ind("N19", none(), "担保关联数", "guarantee links", NETWORK, 0, "GUARANTEES links in and out",
                c -> linkCount(c, "GUARANTEES")));
        l.add(ind("N20", TROUBLE, "同址企业风险", "co-located firms in trouble", NETWORK, M36,
                "other firms at the same address or phone with trouble in 36 months, when there are at most 50 firms "
                        + "there (formation-agent addresses say nothing)", c -> {
                    double[] t = per(c, i -> c.trouble()[i] > 0 ? 1 : 0).value();
                    double[] a = c.groupOthersSum(c.data.entAddress, t);
                    double[] p = c.groupOthersSum(c.data.entPhone, t);
                    int[] as = c.groupSize(c.data.entAddress), ps = c.groupSize(c.data.entPhone);
                    return per(c, i -> (as[i] <= 50 ? a[i] : 0) + (ps[i] <= 50 ? p[i] : 0));
                }).readingGroups(GroupKey.ADDRESS, GroupKey.PHONE));
        l.add(ind("N21", of(INSPECTIONS), "检查人员关联", "tied inspector", NETWORK, M36,
                "inspections by an inspector who holds a role in the firm or shares its address or phone", IndicatorLibrary::tiedInspector));
        l.add(ind("N22", of(COURT_RECORDS), "人员失信(任何角色)", "role holder is a dishonest executee", NETWORK, 0,
                "active dishonest-executee records of all persons with a role in the firm",
                c -> personSum(c, c.personDishonest(), false)));
        l.add(ind("N23", none(), "人员平均任职企业数", "persons' mean firm count", NETWORK, 0,
                "mean over the firm's persons of their firm count", c -> {
                    int[] f = c.firmsPerPerson(false);
                    double[] s = new double[c.n], k = new double[c.n];
                    for (int r = 0; r < c.data.rolePerson.length; r++) {
                        s[c.data.roleEnt[r]] += f[c.data.rolePerson[r]];
                        k[c.data.roleEnt[r]]++;
                    }
                    return v(ratio(s, k));
                }));

        l.add(ind("N24", union(TROUBLE, STATE), "实控人其他企业风险占比", "principal's other firms, share in trouble", NETWORK, M36,
                "troubled other firms of the principal / other firms of the principal", c -> {
                    double[] bad = otherFirms(c, true).value();
                    int[] f = c.firmsPerPerson(true);
                    double[] v = new double[c.n];
                    for (int r = 0; r < c.data.rolePerson.length; r++) {
                        int e = c.data.roleEnt[r], others = f[c.data.rolePerson[r]] - 1;
                        if (c.isPrincipal(r) && others > 0) v[e] = Math.max(v[e], Math.min(1, bad[e] / others));
                    }
                    return v(v);
                }));
        l.add(ind("N25", of(COURT_RECORDS, STATE), "法定代表人涉诉", "principal's court records", NETWORK, M36,
                "court records in 36 months of the principal", c -> personSum(c, c.personCourt(), true)));

        l.add(scored("N26", of(STATE), "实控人其他企业评分", "principal's other firms' score",
                "highest first-pass score among the other firms of the principal", c -> relatedScore(c, true)));
        l.add(scored("N27", none(), "关联人其他企业评分", "role holders' other firms' score",
                "highest first-pass score among the other firms of any of the firm's persons", c -> relatedScore(c, false)));
        l.add(scored("N28", none(), "母公司/总公司评分", "parent's score",
                "highest first-pass score of its investors (INVESTS_IN) and head office (BRANCH_OF)",
                c -> highestAmongParents(c, c.firstPassScore())));

        // ---- added with the professional models (segment-specific and further network information) ----
        l.add(ind("D17", of(SAMPLES), "作为生产者被抽检批次", "samples taken as producer", DYNAMIC, M36,
                "samples naming the firm as producer (its products sampled at other firms)",
                c -> v(c.count(c.data.samples, c.data.samples.ent2, M36, any()))));
        l.add(ind("D18", of(SAMPLES), "作为生产者抽检不合格率", "failure rate as producer", DYNAMIC, M36,
                "failed samples naming the firm as producer / samples naming it (0 when none)",
                c -> v(ratio(c.count(c.data.samples, c.data.samples.ent2, M36, fail(c)),
                        c.count(c.data.samples, c.data.samples.ent2, M36, any())))));
        l.add(ind("D19", of(SAMPLES), "作为生产者抽检不合格(6月)", "failed samples as producer, 6 months", DYNAMIC, M6,
                "failed samples naming the firm as producer", c -> v(c.count(c.data.samples, c.data.samples.ent2, M6, fail(c)))));
        l.add(ind("D20", of(INSPECTIONS), "远程检查(36月)", "remote inspections, 36 months", DYNAMIC, M36,
                "inspections of kind REMOTE (smart-kitchen connected firms)",
                c -> v(c.count(c.data.inspections, M36, is(c.data.inspections, "kind", "REMOTE")))));
        l.add(scored("N29", none(), "供应商评分", "suppliers' mean score",
                "mean first-pass score of the firms that supply it (SUPPLIES); source: the riskiest supplier",
                IndicatorLibrary::supplierScore));
        l.add(scored("N30", of(STATE), "实控人其他企业平均评分", "principal's other firms' mean score",
                "mean first-pass score of the other firms of its principal(s) (0 when none); estimates the person's own risk",
                IndicatorLibrary::principalMeanScore));

        l.add(new Indicator("G01", "通用模型评分", "general model's score", Category.MODEL, 0,
                "the general model's score of the firm (only a professional model, which refines it, may use it)",
                c -> v(c.generalScore().clone()), false, none()));

        Map<String, Indicator> m = new LinkedHashMap<>();
        for (Indicator i : l) {
            if (m.put(i.code(), i) != null) throw new IllegalStateException("duplicate indicator " + i.code());
        }
        return Collections.unmodifiableMap(m);
    }

    /** Distinct half-years, counted back from as-of, in which the firm showed a violation. */
    private static Indicator.Values halfYears(IndicatorContext c) {
        GradingData d = c.data;
        int[] mask = new int[c.n];
        java.util.function.BiConsumer<Events, IntPredicate> mark = (ev, f) -> {
            for (int i = 0; i < ev.size(); i++) {
                int e = ev.ent[i];
                if (e >= 0 && c.inWindow(ev.day[i], M36) && f.test(i)) mask[e] |= 1 << Math.min(5, (c.asOfDay - ev.day[i]) / M6);
            }
        };
        mark.accept(d.inspections, issues(c));
        mark.accept(d.penalties, any());
        mark.accept(d.samples, fail(c));
        mark.accept(d.complaints, verified(c));
        return per(c, i -> Integer.bitCount(mask[i]));
    }

    /** @param inputs what the computation reads that a re-grade can change, the helpers it calls included */
    private static Indicator ind(String code, Set<GradingInput> inputs, String zh, String en, Category cat, int window,
                                 String comp, Function<IndicatorContext, Indicator.Values> f) {
        return new Indicator(code, zh, en, cat, window, comp, f, false, inputs);
    }

    private static Indicator scored(String code, Set<GradingInput> inputs, String zh, String en, String comp,
                                    Function<IndicatorContext, Indicator.Values> f) {
        return new Indicator(code, zh, en, NETWORK, 0, comp, f, true, inputs);
    }

    private static Set<GradingInput> none() { return Set.of(); }

    private static Indicator.Values v(double[] x) { return new Indicator.Values(x); }

    private static Indicator.Values per(IndicatorContext c, java.util.function.IntToDoubleFunction f) {
        double[] out = new double[c.n];
        for (int i = 0; i < c.n; i++) out[i] = f.applyAsDouble(i);
        return new Indicator.Values(out);
    }

    private static double nz(double v) { return Double.isNaN(v) ? 0 : v; }

    private static double[] ratio(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = b[i] == 0 ? 0 : a[i] / b[i];
        return out;
    }

    private static IntPredicate fail(IndicatorContext c) { return is(c.data.samples, "result", "FAIL"); }

    private static IntPredicate issues(IndicatorContext c) { return is(c.data.inspections, "result", "ISSUES_FOUND"); }

    private static IntPredicate verified(IndicatorContext c) { return is(c.data.complaints, "verified", "true"); }

    /** Share of the other members of each firm's group (community, component) that had trouble. */
    private static double[] density(IndicatorContext c, long[] group) {
        double[] t = c.trouble();
        int[] g = c.groupIndex(group);
        double[] troubled = new double[g[c.n]], size = new double[g[c.n]];
        for (int i = 0; i < c.n; i++) {
            if (g[i] < 0) continue;
            troubled[g[i]] += t[i] > 0 ? 1 : 0;
            size[g[i]]++;
        }
        double[] out = new double[c.n];
        for (int i = 0; i < c.n; i++) {
            if (g[i] < 0) continue;
            double others = size[g[i]] - 1;
            out[i] = others <= 0 ? 0 : (troubled[g[i]] - (t[i] > 0 ? 1 : 0)) / others;
        }
        return out;
    }

    /** Sum of a per-person value over the persons with a role (or the principal only) in each firm, each person once. */
    private static Indicator.Values personSum(IndicatorContext c, double[] perPerson, boolean principalOnly) {
        double[] v = new double[c.n];
        int[] source = GradingData.filled(c.n);
        double[] best = new double[c.n];
        boolean[] first = c.firstRoleOfPair(principalOnly);
        for (int r = 0; r < c.data.rolePerson.length; r++) {
            int p = c.data.rolePerson[r], e = c.data.roleEnt[r];
            if (!first[r] || perPerson[p] == 0) continue;
            v[e] += perPerson[p];
            if (perPerson[p] > best[e]) {
                best[e] = perPerson[p];
                source[e] = p;
            }
        }
        String[] src = new String[c.n];
        for (int e = 0; e < c.n; e++) if (source[e] >= 0) src[e] = "person " + c.data.personKey[source[e]];
        return new Indicator.Values(v, src);
    }

    /** Other firms of the firm's principal (or of any of its persons) that had trouble; the worst one as source. */
    private static Indicator.Values otherFirms(IndicatorContext c, boolean principal) {
        GradingData d = c.data;
        double[] t = c.trouble();
        int persons = d.personIds.length;
        // per person: firms in trouble, and the most troubled one
        double[] troubled = new double[persons];
        int[] worst = new int[persons];
        java.util.Arrays.fill(worst, -1);
        for (int r = 0; r < d.rolePerson.length; r++) {
            int p = d.rolePerson[r], e = d.roleEnt[r];
            if (principal && !c.isPrincipal(r)) continue;
            if (t[e] > 0) {
                troubled[p]++;
                if (worst[p] < 0 || t[e] > t[worst[p]]) worst[p] = e;
            }
        }
        double[] v = new double[c.n];
        // the source's person (its firm is the person's worst); the text is made once per firm at the end
        int[] via = GradingData.filled(c.n);
        boolean[] first = c.firstRoleOfPair(principal);
        for (int r = 0; r < d.rolePerson.length; r++) {
            int p = d.rolePerson[r], e = d.roleEnt[r];
            if (!first[r]) continue;
            double others = troubled[p] - (t[e] > 0 ? 1 : 0);
            if (others > 0) {
                v[e] += others;
                if (via[e] < 0 && worst[p] >= 0 && worst[p] != e) via[e] = p;
            }
        }
        String[] src = new String[c.n];
        for (int e = 0; e < c.n; e++) if (via[e] >= 0) src[e] = d.uscc[worst[via[e]]] + " via person " + d.personKey[via[e]];
        return new Indicator.Values(v, src);
    }

    /** The highest first-pass score among the other firms of the firm's principal (or any of its persons). */
    private static Indicator.Values relatedScore(IndicatorContext c, boolean principal) {
        GradingData d = c.data;
        double[] s = c.firstPassScore();
        int persons = d.personIds.length;
        // per person the two best firms, so that a firm can skip itself
        int[] best = new int[persons], second = new int[persons];
        java.util.Arrays.fill(best, -1);
        java.util.Arrays.fill(second, -1);
        for (int r = 0; r < d.rolePerson.length; r++) {
            if (principal && !c.isPrincipal(r)) continue;
            int p = d.rolePerson[r], e = d.roleEnt[r];
            if (e == best[p] || e == second[p]) continue;
            if (best[p] < 0 || s[e] > s[best[p]]) {
                second[p] = best[p];
                best[p] = e;
            } else if (second[p] < 0 || s[e] > s[second[p]]) {
                second[p] = e;
            }
        }
        double[] v = new double[c.n];
        // the source's firm and person; the text is made once per firm at the end
        int[] from = GradingData.filled(c.n), via = GradingData.filled(c.n);
        for (int r = 0; r < d.rolePerson.length; r++) {
            if (principal && !c.isPrincipal(r)) continue;
            int p = d.rolePerson[r], e = d.roleEnt[r];
            int o = best[p] == e ? second[p] : best[p];
            if (o >= 0 && s[o] > v[e]) {
                v[e] = s[o];
                from[e] = o;
                via[e] = p;
            }
        }
        String[] src = new String[c.n];
        for (int e = 0; e < c.n; e++) if (from[e] >= 0) src[e] = d.uscc[from[e]] + " via person " + d.personKey[via[e]];
        return new Indicator.Values(v, src);
    }

    /** Mean first-pass score of a firm's suppliers, the riskiest one as source. */
    private static Indicator.Values supplierScore(IndicatorContext c) {
        GradingData d = c.data;
        double[] s = c.firstPassScore();
        double[] sum = new double[c.n];
        int[] count = new int[c.n];
        int[] worst = new int[c.n];
        java.util.Arrays.fill(worst, -1);
        for (int k = 0; k < d.linkFrom.length; k++) {
            if (!d.linkType[k].equals("SUPPLIES")) continue;
            int supplier = d.linkFrom[k], buyer = d.linkTo[k];
            sum[buyer] += s[supplier];
            count[buyer]++;
            if (worst[buyer] < 0 || s[supplier] > s[worst[buyer]]) worst[buyer] = supplier;
        }
        double[] v = new double[c.n];
        String[] src = new String[c.n];
        for (int i = 0; i < c.n; i++) {
            if (count[i] == 0) continue;
            v[i] = sum[i] / count[i];
            src[i] = "supplier " + d.uscc[worst[i]];
        }
        return new Indicator.Values(v, src);
    }

    /** Mean first-pass score over the other firms of the firm's principal(s). */
    private static Indicator.Values principalMeanScore(IndicatorContext c) {
        GradingData d = c.data;
        double[] s = c.firstPassScore();
        int persons = d.personIds.length;
        double[] sum = new double[persons];
        int[] count = new int[persons];
        boolean[] first = c.firstRoleOfPair(true);
        for (int r = 0; r < d.rolePerson.length; r++) {
            if (!first[r]) continue;
            sum[d.rolePerson[r]] += s[d.roleEnt[r]];
            count[d.rolePerson[r]]++;
        }
        double[] v = new double[c.n];
        int[] via = GradingData.filled(c.n);
        for (int r = 0; r < d.rolePerson.length; r++) {
            int p = d.rolePerson[r], e = d.roleEnt[r];
            if (!first[r] || count[p] < 2) continue;
            double mean = (sum[p] - s[e]) / (count[p] - 1);
            if (mean > v[e]) {
                v[e] = mean;
                via[e] = p;
            }
        }
        String[] src = new String[c.n];
        for (int e = 0; e < c.n; e++) {
            if (via[e] >= 0) src[e] = "person " + d.personKey[via[e]] + " (" + (count[via[e]] - 1) + " other firms)";
        }
        return new Indicator.Values(v, src);
    }

    private static Indicator.Values linkCount(IndicatorContext c, String type) {
        double[] v = new double[c.n];
        for (int k = 0; k < c.data.linkFrom.length; k++) {
            if (c.data.linkType[k].equals(type)) {
                v[c.data.linkFrom[k]]++;
                v[c.data.linkTo[k]]++;
            }
        }
        return v(v);
    }

    private static boolean shellCandidate(IndicatorContext c, int i) {
        double age = c.ageYears(i);
        return !Double.isNaN(age) && age < SHELL_MAX_AGE_YEARS && nz(c.data.paidInCapital[i]) <= SHELL_MAX_PAID_IN
                && !"INDIVIDUAL_BUSINESS".equals(c.data.type[i]) && !"BRANCH".equals(c.data.type[i]);
    }

    private static Indicator.Values shells(IndicatorContext c) {
        double[] cand = per(c, i -> shellCandidate(c, i) ? 1 : 0).value();
        double[] v = new double[c.n];
        String[] src = new String[c.n];
        for (long[] key : List.of(c.data.entAddress, c.data.entPhone)) {
            double[] others = c.groupOthersSum(key, cand);
            int[] size = c.groupSize(key);
            for (int i = 0; i < c.n; i++) {
                if (cand[i] == 0 || key[i] < 0) continue;
                double k = others[i] + 1;
                if (k >= SHELL_MIN_FIRMS && k >= SHELL_MIN_SHARE * size[i]) {
                    v[i] = 1;
                    src[i] = (key == c.data.entAddress ? "address" : "phone") + " shared with " + (int) others[i]
                            + " young low-capital firms";
                }
            }
        }
        return new Indicator.Values(v, src);
    }

    private static Indicator.Values tiedInspector(IndicatorContext c) {
        GradingData d = c.data;
        // each inspector-person's links to firms: roles, home address, phone
        Map<Long, Set<Integer>> byContact = new HashMap<>();
        for (int i = 0; i < c.n; i++) {
            if (d.entAddress[i] >= 0) byContact.computeIfAbsent(d.entAddress[i], k -> new java.util.HashSet<>()).add(i);
            if (d.entPhone[i] >= 0) byContact.computeIfAbsent(d.entPhone[i], k -> new java.util.HashSet<>()).add(i);
        }
        Set<Long> tie = new java.util.HashSet<>();
        for (int r = 0; r < d.rolePerson.length; r++) {
            if (d.personIsInspector[d.rolePerson[r]]) tie.add(((long) d.rolePerson[r] << 32) | d.roleEnt[r]);
        }
        for (int p = 0; p < d.personIds.length; p++) {
            if (!d.personIsInspector[p]) continue;
            for (long k : new long[]{d.personAddress[p], d.personPhone[p]}) {
                Set<Integer> firms = k < 0 ? null : byContact.get(k);
                // a shared building of hundreds of firms is no personal tie
                if (firms != null && firms.size() <= 5) for (int e : firms) tie.add(((long) p << 32) | e);
            }
        }
        double[] v = new double[c.n];
        String[] src = new String[c.n];
        Events ins = d.inspections;
        for (int k = 0; k < d.inspectionOfVisit.length; k++) {
            int x = d.inspectionOfVisit[k], p = d.personOfVisit[k];
            int e = ins.ent[x];
            if (e >= 0 && c.inWindow(ins.day[x], M36) && tie.contains(((long) p << 32) | e)) {
                v[e]++;
                src[e] = "inspector person " + d.personKey[p];
            }
        }
        return new Indicator.Values(v, src);
    }

    /** For inherited risk: the related firm (sharing a person, a link or a small address group) with most own risk. */
    private static String[] strongestSource(IndicatorContext c) {
        GradingData d = c.data;
        double[] own = new double[c.n];
        for (int i = 0; i < c.n; i++) own[i] = nz(d.riskOwn[i]);
        String[] src = new String[c.n];
        double[] best = new double[c.n];
        // person -> best firm by own risk
        int[] personBest = new int[d.personIds.length];
        java.util.Arrays.fill(personBest, -1);
        int[] secondBest = new int[d.personIds.length];
        java.util.Arrays.fill(secondBest, -1);
        for (int r = 0; r < d.rolePerson.length; r++) {
            int p = d.rolePerson[r], e = d.roleEnt[r];
            if (own[e] <= 0 || e == personBest[p]) continue;
            if (personBest[p] < 0 || own[e] > own[personBest[p]]) {
                secondBest[p] = personBest[p];
                personBest[p] = e;
            } else if (secondBest[p] < 0 || own[e] > own[secondBest[p]]) {
                secondBest[p] = e;
            }
        }
        for (int r = 0; r < d.rolePerson.length; r++) {
            int p = d.rolePerson[r], e = d.roleEnt[r];
            int s = personBest[p] == e ? secondBest[p] : personBest[p];
            if (s >= 0 && own[s] > best[e]) {
                best[e] = own[s];
                src[e] = d.uscc[s] + " via person " + d.personKey[p];
            }
        }
        for (int k = 0; k < d.linkFrom.length; k++) {
            int a = d.linkFrom[k], b = d.linkTo[k];
            if (own[a] > best[b]) {
                best[b] = own[a];
                src[b] = d.uscc[a] + " via " + d.linkType[k];
            }
            if (own[b] > best[a]) {
                best[a] = own[b];
                src[a] = d.uscc[b] + " via " + d.linkType[k];
            }
        }
        return src;
    }

    /**
     * Per enterprise, the highest {@code value} among its parents (its investors through INVESTS_IN and its head
     * office through BRANCH_OF), with that parent's USCC as the source.
     */
    static Indicator.Values highestAmongParents(IndicatorContext c, double[] value) {
        double[] v = new double[c.n];
        String[] src = new String[c.n];
        for (int k = 0; k < c.data.linkFrom.length; k++) {
            String ty = c.data.linkType[k];
            int child = ty.equals("INVESTS_IN") ? c.data.linkTo[k] : ty.equals("BRANCH_OF") ? c.data.linkFrom[k] : -1;
            int parent = ty.equals("INVESTS_IN") ? c.data.linkFrom[k] : c.data.linkTo[k];
            if (child >= 0 && value[parent] > v[child]) {
                v[child] = value[parent];
                src[child] = c.data.uscc[parent];
            }
        }
        return new Indicator.Values(v, src);
    }
}
