package io.greenportal.registry.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.greenportal.platform.creditcode.Uscc;
import io.greenportal.registry.imports.ImportService;
import io.greenportal.registry.listing.ListingRequest;
import io.greenportal.registry.listing.ListingRequest.EnterpriseInput;
import io.greenportal.registry.listing.ListingRequest.IndicatorInput;
import io.greenportal.registry.listing.ListingRules;
import io.greenportal.registry.listing.ListingService;
import io.greenportal.registry.listing.Subject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo province (Ningxia, 640000) for the local portal: a few hundred synthetic listings of all
 * four types, three levels and the years 2017-2025, some suspended or revoked, plus the Datong list
 * of seed 004 through the import path. Names are realistic but invented; credit codes are valid
 * but synthetic. Loading is idempotent (request ids, and the import's duplicate checks).
 */
@Component
@ConditionalOnProperty(name = "greenportal.demo-data", havingValue = "true")
public class DemoData {

    /** The demo accounts' enterprises in the Keycloak realm. */
    public static final String ENT_A = "91640100MA76A00010";
    public static final String ENT_B = "91640200MA76B00020";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private static final String[][] CITIES = {
            {"640104", "银川"}, {"640105", "银川"}, {"640106", "银川"}, {"640121", "永宁"}, {"640122", "贺兰"},
            {"640181", "灵武"}, {"640202", "石嘴山"}, {"640205", "惠农"}, {"640221", "平罗"}, {"640302", "吴忠"},
            {"640323", "盐池"}, {"640381", "青铜峡"}, {"640402", "固原"}, {"640425", "彭阳"}, {"640502", "中卫"},
            {"640521", "中宁"}};
    private static final String[] WORDS = {"塞上", "贺兰山", "黄河", "六盘山", "沙湖", "朔方", "宁东", "西夏", "凤城",
            "金积", "长城", "星海", "清水河", "罗山", "太阳山", "河东", "大漠", "金沙", "宝塔", "鸣沙", "红寺堡", "贺东",
            "明珠", "天元", "瀚海", "泰和", "昊龙", "鑫源", "恒盛", "博宇"};
    /** industry division, what such a firm is called, what it makes, its product category */
    private static final String[][] TRADES = {
            {"C30", "水泥有限公司", "通用硅酸盐水泥", "P·O 42.5", "建材"},
            {"C30", "新型建材有限公司", "蒸压加气混凝土砌块", "B06 A5.0", "建材"},
            {"C26", "化工有限公司", "聚氯乙烯树脂", "SG-5", "化工"},
            {"C26", "精细化工股份有限公司", "电池级碳酸锂", "Li2CO3≥99.5%", "化工"},
            {"C32", "硅业有限公司", "单晶硅片", "M10 182mm", "电子材料"},
            {"C32", "铝业有限公司", "铝合金型材", "6063-T5", "有色金属"},
            {"C31", "特钢有限公司", "热轧带肋钢筋", "HRB400E", "钢铁"},
            {"C17", "羊绒制品有限公司", "精梳羊绒纱", "26Nm/2", "纺织"},
            {"C15", "葡萄酒业有限公司", "干红葡萄酒", "750ml", "食品"},
            {"C14", "枸杞科技有限公司", "枸杞原浆", "250ml", "食品"},
            {"C14", "乳业有限公司", "灭菌乳", "250ml", "食品"},
            {"C27", "制药有限公司", "盐酸二甲双胍片", "0.5g", "医药"},
            {"C38", "新能源科技有限公司", "光伏组件", "550W 单晶", "电气机械"},
            {"C25", "煤化工有限公司", "甲醇", "工业级", "化工"},
            {"D44", "发电有限公司", null, null, null},
            {"C22", "纸业有限公司", "瓦楞原纸", "120g/m²", "轻工"}};
    private static final String[][] PARKS = {
            {"640181", "宁东能源化工基地"}, {"640106", "银川经济技术开发区"}, {"640202", "石嘴山经济技术开发区"},
            {"640302", "吴忠金积工业园区"}, {"640502", "中卫工业园区"}, {"640402", "固原经济技术开发区"},
            {"640221", "平罗工业园区"}, {"640381", "青铜峡工业园区"}, {"640122", "贺兰工业园区"},
            {"640521", "中宁工业园区"}, {"640205", "惠农经济开发区"}, {"640323", "盐池工业园区"}};
    private static final String[] SUSPEND_REASONS = {"年度报告逾期未报送，限期三个月整改", "单位产品能耗超过评价要求，限期整改",
            "一般工业固体废物综合利用率低于承诺值，限期整改"};
    private static final String[] REVOKE_REASONS = {"发生较大环境污染事件，撤销称号", "申报材料弄虚作假，撤销称号",
            "整改期满仍未达到评价要求，撤销称号"};

    private final ListingRules rules;
    private final ListingService listings;
    private final ImportService imports;

    public DemoData(ListingRules rules, ListingService listings, ImportService imports) {
        this.rules = rules;
        this.listings = listings;
        this.imports = imports;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        List<ListingRequest> requests = province();
        int created = 0;
        for (int i = 0; i < requests.size(); i++) {
            var registered = listings.register(rules.check(requests.get(i)), "demo:" + i, "DEMO", null, "demo-data");
            created += registered.created() ? 1 : 0;
        }
        try {
            var datong = new ClassPathResource("demo/datong-green-manufacturing-2016-2020.csv");
            imports.importNow(datong.getFilename(), "text/csv", datong.getContentAsByteArray(), "demo-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("demo data: {} of {} demo listings created now (the rest were there already)", created, requests.size());
    }

    /** The synthetic province, the same on every run (fixed seed). */
    static List<ListingRequest> province() {
        Random random = new Random(640000);
        List<ListingRequest> requests = new ArrayList<>();
        // the demo accounts' own listings: ent-a holds active ones, ent-b only a suspended one
        requests.add(factory(ENT_A, "宁夏绿源新材料有限公司", "640106", "C26", "PROVINCIAL", 2024, "ACTIVE", null, random));
        requests.add(product(ENT_A, "宁夏绿源新材料有限公司", "640106", TRADES[3], "PROVINCIAL", 2025));
        requests.add(factory(ENT_B, "石嘴山塞上精细化工有限公司", "640202", "C26", "PROVINCIAL", 2022, "SUSPENDED",
                SUSPEND_REASONS[0], random));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 120; i++) {
            String[] city = CITIES[random.nextInt(CITIES.length)];
            String[] trade = TRADES[random.nextInt(TRADES.length)];
            String name = "宁夏" + WORDS[random.nextInt(WORDS.length)] + (random.nextBoolean() ? city[1] : "") + trade[1];
            if (!names.add(name)) {
                continue;
            }
            String uscc = Uscc.withCheckCharacter("91" + city[0] + "MA7" + String.format("%06d", i + 100));
            int year = 2017 + random.nextInt(9);
            String level = level(random);
            String[] status = status(random);
            requests.add(factory(uscc, name, city[0], trade[0], level, year, status[0], status[1], random));
            if (trade[2] != null && random.nextInt(3) > 0) {
                requests.add(product(uscc, name, city[0], trade, level, Math.min(2025, year + random.nextInt(2))));
            }
            if (random.nextInt(9) == 0) {
                requests.add(new ListingRequest("GREEN_SUPPLY_CHAIN", level, enterprise(uscc, name, city[0], trade[0]),
                        Subject.NONE, Math.min(2025, year + 1), batch(year + 1), null, List.of(),
                        Math.min(2025, year + 1) + "-12-22", "ACTIVE", null));
            }
        }
        for (int i = 0; i < PARKS.length; i++) {
            String[] park = PARKS[i];
            String uscc = Uscc.withCheckCharacter("11" + park[0] + "GW" + String.format("%07d", i));
            int year = 2018 + (i * 7) % 8;
            requests.add(new ListingRequest("GREEN_PARK", i % 3 == 0 ? "NATIONAL" : "PROVINCIAL",
                    enterprise(uscc, park[1] + "管理委员会", park[0], "S92"),
                    new Subject(null, park[1], null, null, null, "绿色园区评价要求"), year, batch(year),
                    null, List.of(new IndicatorInput("SOLID_WASTE_UTILISATION", null, String.valueOf(60 + i * 2), "%")),
                    year + "-12-16", "ACTIVE", null));
        }
        return requests;
    }

    private static ListingRequest factory(String uscc, String name, String region, String industry, String level,
            int year, String status, String reason, Random random) {
        List<IndicatorInput> indicators = List.of(
                new IndicatorInput("ENERGY_PER_VALUE_ADDED", null, decimal(random, 0.2, 1.6, 3), "tce/万元"),
                new IndicatorInput("WATER_PER_VALUE_ADDED", null, decimal(random, 3, 25, 2), "m³/万元"),
                new IndicatorInput("SOLID_WASTE_UTILISATION", null, decimal(random, 45, 99, 1), "%"),
                new IndicatorInput("WATER_REUSE_RATE", null, decimal(random, 80, 98, 1), "%"));
        return new ListingRequest("GREEN_FACTORY", level, enterprise(uscc, name, region, industry),
                new Subject(name.replace("有限公司", "").replace("股份", "") + "生产基地", null, null, null, null,
                        "GB/T 36132-2018 绿色工厂评价通则"),
                year, batch(year), null, indicators, year + "-12-" + (10 + random.nextInt(18)), status, reason);
    }

    private static ListingRequest product(String uscc, String name, String region, String[] trade, String level, int year) {
        return new ListingRequest("GREEN_PRODUCT", level, enterprise(uscc, name, region, trade[0]),
                new Subject(null, null, trade[2], trade[3], trade[4], "T/CAGP 绿色设计产品评价技术规范"), year,
                batch(year), null, List.of(), year + "-12-26", "ACTIVE", null);
    }

    private static EnterpriseInput enterprise(String uscc, String name, String region, String industry) {
        return new EnterpriseInput(uscc, name, region, industry);
    }

    private static String level(Random random) {
        int r = random.nextInt(10);
        return r < 3 ? "NATIONAL" : r < 8 ? "PROVINCIAL" : "MUNICIPAL";
    }

    private static String[] status(Random random) {
        int r = random.nextInt(100);
        if (r < 6) {
            return new String[] {"SUSPENDED", SUSPEND_REASONS[random.nextInt(SUSPEND_REASONS.length)]};
        }
        if (r < 10) {
            return new String[] {"REVOKED", REVOKE_REASONS[random.nextInt(REVOKE_REASONS.length)]};
        }
        return new String[] {"ACTIVE", null};
    }

    private static String batch(int year) {
        return year + "年度第" + ((year % 2) + 1) + "批";
    }

    private static String decimal(Random random, double min, double max, int scale) {
        return java.math.BigDecimal.valueOf(min + random.nextDouble() * (max - min))
                .setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
