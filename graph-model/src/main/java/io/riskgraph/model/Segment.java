package io.riskgraph.model;

/** The 14 supervised segments, codes as in the data contract. */
public enum Segment {
    FOOD_PRODUCTION("食品生产", "food production"),
    FOOD_SALES("食品销售", "food distribution and retail"),
    CATERING("餐饮服务", "catering"),
    SPECIAL_FOOD("特殊食品", "health food, infant formula, food for special medical purposes"),
    DRUG_RETAIL("药品经营", "drug wholesale and retail"),
    MEDICAL_DEVICE("医疗器械", "medical devices"),
    COSMETICS("化妆品", "cosmetics"),
    SPECIAL_EQUIPMENT_USE("特种设备使用", "users of lifts, boilers, pressure vessels"),
    SPECIAL_EQUIPMENT_MAKING("特种设备生产充装", "makers, installers, gas fillers"),
    INDUSTRIAL_PRODUCT("重要工业产品生产许可", "licensed industrial products"),
    TESTING_AGENCY("检验检测机构", "inspection and testing agencies"),
    VEHICLE_INSPECTION("机动车检验机构", "motor-vehicle inspection agencies"),
    METROLOGY("计量", "measurement, e.g. fuel stations"),
    ONLINE_TRADING("网络交易与广告", "online trading platforms and advertising");

    private final String nameZh;
    private final String nameEn;

    Segment(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() { return nameZh; }

    public String nameEn() { return nameEn; }
}
