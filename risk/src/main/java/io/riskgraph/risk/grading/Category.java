package io.riskgraph.risk.grading;

/**
 * The five indicator categories of the grading, and MODEL for the one input a professional model may take from
 * the general model (its score), which is not an observation of the firm.
 */
public enum Category {
    BASIC("基础属性", "basic attributes"),
    DYNAMIC("动态经营信息", "dynamic operating information"),
    SUPERVISION("监管记录", "supervision records"),
    NETWORK("关联网络", "related-party network"),
    SOCIAL("社会评价", "social evaluation"),
    MODEL("通用模型评分", "general model's score");

    public final String nameZh;
    public final String nameEn;

    Category(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }
}
