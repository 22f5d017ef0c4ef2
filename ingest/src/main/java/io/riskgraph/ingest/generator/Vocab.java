package io.riskgraph.ingest.generator;

import io.riskgraph.model.Segment;

import java.util.SplittableRandom;

/** Word lists and weighted tables of the synthetic city. Every choice is explained in docs/generator.md. */
final class Vocab {
    private Vocab() {}

    /** The 16 districts of a Shanghai-like city: name, 6-digit division code, share of market entities (%). */
    static final String[] DISTRICTS = {"黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区",
            "宝山区", "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区"};
    static final String[] DISTRICT_CODES = {"310101", "310104", "310105", "310106", "310107", "310109", "310110",
            "310112", "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151"};
    static final double[] DISTRICT_WEIGHTS = {3, 5, 4, 5, 4, 3, 4, 9, 7, 10, 20, 4, 7, 6, 6, 3};
    /** Districts with registration parks, where formation agents cluster (Chongming, Fengxian, Jinshan, Qingpu). */
    static final int[] AGENT_DISTRICTS = {15, 14, 11, 13, 10};

    /** Share of each segment among supervised enterprises (%), primary segment. */
    static final Segment[] SEGMENTS = Segment.values();
    static final double[] SEGMENT_WEIGHTS = {
            2.0,   // FOOD_PRODUCTION
            30.0,  // FOOD_SALES
            35.0,  // CATERING
            1.0,   // SPECIAL_FOOD
            3.5,   // DRUG_RETAIL
            5.0,   // MEDICAL_DEVICE
            3.0,   // COSMETICS
            11.5,  // SPECIAL_EQUIPMENT_USE
            0.4,   // SPECIAL_EQUIPMENT_MAKING
            1.2,   // INDUSTRIAL_PRODUCT
            0.35,  // TESTING_AGENCY
            0.05,  // VEHICLE_INSPECTION
            1.5,   // METROLOGY
            5.5};  // ONLINE_TRADING

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
            "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田",
            "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "姚", "卢", "钱", "陆",
            "顾", "欧阳", "司马"};
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌晨浩宇欣怡佳琪子涵梓轩雨婷思远嘉豪"
            + "晓东海峰春梅立新凤林云飞瑞雪俊宏慧颖鑫亮";
    static final String BRAND = "鑫盛隆泰华丰裕恒通达利源辉宏发祥瑞福康安和兴旺嘉禾金银晨星宇航创新智汇联众益鼎元亨佳美乐优品尚"
            + "优味香鲜禧悦润诚信德正";
    static final String[] ROADS = {"南京西路", "淮海中路", "肇嘉浜路", "延安西路", "长寿路", "四平路", "国权路", "莘庄路", "友谊路",
            "嘉定城中路", "张江路", "世纪大道", "金山大道", "人民北路", "华新路", "南桥路", "城桥镇八一路", "漕宝路", "曲阳路", "江湾路",
            "虹桥路", "仙霞路", "中山北路", "武宁路", "控江路", "七莘路", "沪太路", "博乐路", "川沙路", "龙阳路", "卫零路", "九亭大街",
            "青松路", "金海路", "陈家镇", "曹安公路", "祁连山路", "江场路", "徐虹北路", "泗泾镇泗宝路"};
    static final String[] INDUSTRY = {"食品", "商贸", "餐饮管理", "生物科技", "医药", "医疗器械", "化妆品", "物业管理", "机电设备",
            "实业", "检测技术", "机动车检测", "石油销售", "网络科技", "信息科技", "贸易", "建筑工程", "企业管理咨询", "文化传播", "投资管理"};
    /** Industry word per primary segment (index into INDUSTRY), -1 = generic. */
    static final int[] SEGMENT_INDUSTRY = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13};

    static String personName(SplittableRandom r) {
        // roughly Zipf-weighted surnames
        int s = (int) (SURNAMES.length * Math.pow(r.nextDouble(), 2.2));
        StringBuilder b = new StringBuilder(SURNAMES[s]);
        b.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        if (r.nextDouble() < 0.7) b.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        return b.toString();
    }

    static String brand(SplittableRandom r) {
        char a = BRAND.charAt(r.nextInt(BRAND.length()));
        char c = BRAND.charAt(r.nextInt(BRAND.length()));
        return "" + a + c;
    }

    static int weighted(double[] weights, double total, SplittableRandom r) {
        double u = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.length - 1;
    }

    static double sum(double[] w) {
        double s = 0;
        for (double x : w) s += x;
        return s;
    }

    // ----- events -----
    static final String[] COMPLAINT_CHANNELS = {"12315_HOTLINE", "12315_PLATFORM", "12345_HOTLINE", "ONLINE_PLATFORM", "LETTER"};
    static final double[] COMPLAINT_CHANNEL_W = {35, 40, 15, 8, 2};
    static final String[] COMPLAINT_CATEGORIES = {"FOOD_SAFETY", "PRODUCT_QUALITY", "FALSE_ADVERTISING", "PRICE",
            "CONTRACT_DISPUTE", "SERVICE", "PREPAID_CARD"};

    static final String[] ALERT_SOURCES = {"SMART_KITCHEN_CAMERA", "SMART_KITCHEN_AI"};

    /** Sample products by category; failed items per category. */
    static final String[] SAMPLE_CATEGORIES = {"VEGETABLES", "MEAT", "AQUATIC", "PASTRY", "BEVERAGE", "TABLEWARE",
            "CONDIMENT", "HEALTH_FOOD", "INFANT_FORMULA", "COSMETICS", "INDUSTRIAL"};
    static final String[][] SAMPLE_PRODUCTS = {
            {"青菜", "韭菜", "芹菜", "豇豆", "菠菜"}, {"猪肉", "牛肉", "鸡肉"}, {"鲈鱼", "基围虾", "黄鳝"},
            {"蛋糕", "月饼", "面包"}, {"果汁饮料", "茶饮料", "包装饮用水"}, {"复用餐饮具"}, {"酱油", "辣椒酱", "食醋"},
            {"维生素片", "蛋白粉"}, {"婴儿配方奶粉"}, {"面霜", "防晒霜", "染发剂"}, {"电线电缆", "燃气灶具", "安全帽"}};
    static final String[][] FAILED_ITEMS = {
            {"pesticide_residue:chlorpyrifos", "pesticide_residue:omethoate", "pesticide_residue:procymidone",
                    "pesticide_residue:carbofuran"},
            {"veterinary_drug:enrofloxacin", "veterinary_drug:clenbuterol", "microbial:salmonella"},
            {"veterinary_drug:malachite_green", "veterinary_drug:furazolidone", "heavy_metal:cadmium"},
            {"additive:sodium_benzoate", "additive:sodium_dehydroacetate", "microbial:mould", "microbial:coliforms"},
            {"microbial:coliforms", "additive:acesulfame", "microbial:pseudomonas_aeruginosa"},
            {"microbial:coliforms", "residue:anionic_synthetic_detergent"},
            {"additive:sodium_benzoate", "quality:amino_acid_nitrogen", "additive:sudan_red"},
            {"label:functional_ingredient_short", "illegal_additive:sibutramine"},
            {"nutrient:vitamin_a", "microbial:cronobacter"},
            {"banned_substance:glucocorticoid", "banned_substance:hydroquinone", "microbial:total_aerobic_count"},
            {"safety:insulation_resistance", "safety:flame_extinction_time", "safety:impact_absorption"}};

    static final String[] VIOLATIONS_BY_SEGMENT = {
            "生产不符合食品安全标准的食品", "经营超过保质期的食品", "餐饮服务环境卫生不符合规定", "保健食品标签虚假宣传",
            "药品经营质量管理规范不符合要求", "经营未经注册的医疗器械", "经营不符合技术规范的化妆品", "使用未经定期检验的特种设备",
            "特种设备充装不符合安全技术规范", "无证生产列入目录的工业产品", "出具不实检验检测报告", "机动车安全技术检验不规范",
            "使用不合格计量器具", "发布虚假广告"};
    static final String GENERIC_VIOLATION = "未按规定公示年度报告";

    static final String[] LAWSUIT_CAUSES = {"买卖合同纠纷", "借款合同纠纷", "劳动争议", "房屋租赁合同纠纷", "服务合同纠纷",
            "产品责任纠纷", "股权转让纠纷"};
}
