package io.riskgraph.algorithms.grading;

/** The five indicator categories of the grading. */
public enum Category {
    BASIC("基础属性", "basic attributes"),
    DYNAMIC("动态经营信息", "dynamic operating information"),
    SUPERVISION("监管记录", "supervision records"),
    NETWORK("关联网络", "related-party network"),
    SOCIAL("社会评价", "social evaluation");

    public final String nameZh;
    public final String nameEn;

    Category(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }
}
