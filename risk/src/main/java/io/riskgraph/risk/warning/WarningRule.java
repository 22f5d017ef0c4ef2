package io.riskgraph.risk.warning;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 23 warning rules: code, names, what pattern each finds and the de-duplication key of its clues (documented
 * in docs/models.md, "Warning models"). The detection itself is in {@link WarningRules}.
 */
public enum WarningRule {
    W01("法定代表人关联多家D级企业", "Legal representative of several D-grade firms",
            "a person is the legal representative (branch: manager) of at least minDFirms firms graded D", "W01|person"),
    W02("被吊销企业地址新设企业", "New firm at the address of a revoked one",
            "an open firm established within newFirmDays shares its (non-hub) address with an earlier firm that was revoked", "W02|uscc"),
    W03("供应商产品在多家销售方抽检不合格", "Supplier whose products failed sampling at several sellers",
            "samples naming one producer failed at at least minSellers distinct sellers within windowDays", "W03|producer|first failed sample"),
    W04("12个月内多次抽检不合格", "Repeated sampling failures within 12 months",
            "at least minRepeats failed samples taken at the firm within windowDays", "W04|uscc|first failed sample"),
    W05("12个月内多次检查发现问题", "Repeated inspection findings within 12 months",
            "at least minRepeats inspections with issues found within windowDays", "W05|uscc|first finding"),
    W06("失信被执行人担任法定代表人", "Dishonest executee as legal representative",
            "a person with an active dishonest-executee record is the principal of an open firm", "W06|person|uscc"),
    W07("食品生产企业触发式监管", "Food producer trigger event",
            "a food or special-food producer had a failed sample (taken at it or naming it), a verified complaint, or an "
                    + "active dishonest record (its own or its principal's) within triggerDays", "W07|uscc|latest trigger"),
    W08("智能厨房告警集中且未处置", "Alert burst without disposal",
            "at least burstMin smart-kitchen alerts within burstDays, of which at least burstOpenMin are still open after "
                    + "openGraceDays", "W08|uscc|first alert of the burst"),
    W09("鼠患告警未处置", "Rodent alert not disposed",
            "a RODENT alert still open more than openGraceDays after it was raised", "W09|alert"),
    W10("疑似空壳企业集群", "Suspected shell cluster",
            "at least shellMin young firms (established within youngFirmDays, paid-in at most shellPaidInMax) with one "
                    + "principal at one ordinary address (at most maxFirmsAtAddress firms)", "W10|address|person"),
    W11("代办地址内的空壳集群", "Shell cluster at a formation-agent address",
            "the same pattern as W10 inside a hub address (more than maxFirmsAtAddress firms), where a shared address "
                    + "alone means nothing", "W11|address|person"),
    W12("经营异常/吊销企业人员新设企业", "Person of an abnormal or revoked firm opens a new firm",
            "a principal or shareholder of an ABNORMAL or REVOKED firm is the principal of an open firm established "
                    + "within newFirmDays", "W12|uscc|person"),
    W13("交叉持股闭环", "Cross-holding cycle",
            "firms that own each other through a cycle of INVESTS_IN links (a strongly connected set of 2 or more)", "W13|sorted member usccs"),
    W14("检查人员与被检查企业存在关联", "Inspector tied to an inspected firm",
            "an inspector holds a role at, lives at the address of, or shares the phone of a firm he or she inspected", "W14|inspector person|uscc"),
    W15("投诉激增", "Complaint surge",
            "at least surgeMin complaints within surgeDays, at least surgeFactor times the firm's rate in the year before",
            "W15|uscc|first complaint of the surge"),
    W16("核实投诉未跟进检查", "Verified complaint without follow-up inspection",
            "a complaint verified true within windowDays and older than followUpDays with no inspection of the firm "
                    + "within followUpDays after it", "W16|uscc|latest such complaint"),
    W17("处罚后仍未整改", "Penalty without rectification",
            "after a penalty within windowDays, a later inspection found issues that were not rectified", "W17|uscc|inspection"),
    W18("12个月内屡次受罚", "Repeated penalties within 12 months",
            "at least repeatPenaltyMin penalties within windowDays", "W18|uscc|first penalty"),
    W19("控股股东或总公司为高风险", "Controlling parent of high risk",
            "an open firm whose controlling owner (INVESTS_IN share at least controlShareMin) or head office "
                    + "(BRANCH_OF) is graded D or revoked", "W19|uscc|parent"),
    W20("供货方已吊销或注销", "Supplier revoked or cancelled",
            "an open food seller or caterer is supplied by a REVOKED or CANCELLED firm", "W20|buyer|supplier"),
    W21("同一电话关联多家D级企业", "Phone shared by several D-grade firms",
            "a phone shared by at most maxFirmsOnPhone firms, at least phoneDFirmsMin of them graded D", "W21|phone"),
    W22("为失信被执行人提供担保", "Guarantee for a dishonest executee",
            "an open firm guarantees a debt of a firm with an active dishonest-executee record", "W22|guarantor|guaranteed"),
    W23("D级企业长期未检查", "D-grade firm not inspected",
            "an open firm graded D without any inspection within inspectionGapDays", "W23|uscc|last inspection or none");

    public final String nameZh;
    public final String nameEn;
    public final String pattern;
    public final String dedupKey;

    WarningRule(String nameZh, String nameEn, String pattern, String dedupKey) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.pattern = pattern;
        this.dedupKey = dedupKey;
    }

    public static Optional<WarningRule> find(String code) {
        if (code == null) return Optional.empty();
        String c = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(c)).findFirst();
    }

    /** Parses a comma-separated list of codes; the message names the unknown code and the valid range. */
    public static List<WarningRule> parseList(String codes) {
        if (codes == null || codes.isBlank()) return List.of(values());
        return Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(c -> find(c).orElseThrow(() -> new IllegalArgumentException(
                        "unknown warning rule '" + c + "' (expected W01..W" + values().length + ")")))
                .distinct().toList();
    }
}
