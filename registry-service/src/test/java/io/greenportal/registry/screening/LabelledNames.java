package io.greenportal.registry.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

import io.greenportal.platform.creditcode.Uscc;

import org.springframework.core.io.ClassPathResource;

/**
 * A registry of realistic, invented company names and a labelled set of spellings a bank's file may
 * hold, made by fixed rules from a fixed seed (registry-service/README.md, "Name matching"):
 *
 * <ul>
 * <li>positives, each labelled with the enterprise it means: R1 no legal form, R2 another legal form,
 * R3 no leading region, R4 the region spelled in full, R5 full-width characters and the region in
 * full-width brackets, R6 traditional characters, R7 traditional without legal form, R8 spaces and
 * punctuation, R9 one character of the core replaced (a typo: an honest miss for automatic matching);
 * <li>negatives, meaning no registered enterprise: N1 a brand the registry does not hold, N2 a
 * registered brand in a trade it is not registered for, N3 a registered brand and trade in a city
 * it is not registered in.
 * </ul>
 */
final class LabelledNames {

    static final String[] WORDS = {"塞上", "贺兰山", "黄河", "六盘山", "沙湖", "朔方", "宁东", "西夏", "凤城", "金积", "长城",
            "星海", "清水河", "罗山", "太阳山", "河东", "大漠", "金沙", "宝塔", "鸣沙", "红寺堡", "贺东", "明珠", "天元", "瀚海",
            "泰和", "昊龙", "鑫源", "恒盛", "博宇"};
    static final String[] UNUSED_WORDS = {"银河", "东方红", "华夏", "北辰", "永安", "兴盛", "宏达", "正泰", "润丰", "嘉禾"};
    static final String[] CITIES = {"银川", "石嘴山", "吴忠", "固原", "中卫", "灵武", "平罗", "青铜峡", "中宁", "贺兰"};
    static final String[] TRADES = {"水泥", "新型建材", "化工", "精细化工", "硅业", "铝业", "特钢", "羊绒制品", "葡萄酒业",
            "枸杞科技", "乳业", "制药", "新能源科技", "煤化工", "发电", "纸业"};
    static final String[] FORMS = {"有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司"};
    static final String TYPO_POOL = "鑫磊森淼晟昇泓源通达恒盛";

    record Registered(String uscc, String name) {
    }

    record Labelled(String rule, String name, String expectedUscc) {
    }

    final List<Registered> registry = new ArrayList<>();
    final List<Labelled> labelled = new ArrayList<>();
    private final Set<String> brandTrade = new LinkedHashSet<>();
    private final Set<String> brandTradeCity = new LinkedHashSet<>();
    private final Map<String, String[]> parts = new LinkedHashMap<>();
    private static final Transliterator TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

    LabelledNames() {
        Random random = new Random(20261203);
        Set<String> names = new LinkedHashSet<>();
        int serial = 0;
        while (registry.size() < 300) {
            String word = WORDS[random.nextInt(WORDS.length)];
            String trade = TRADES[random.nextInt(TRADES.length)];
            String city = random.nextInt(3) == 0 ? CITIES[random.nextInt(CITIES.length)] : "";
            boolean cityFirst = random.nextInt(4) == 0;
            String region = cityFirst ? CITIES[random.nextInt(5)] + "市" : "宁夏";
            String form = FORMS[random.nextInt(FORMS.length)];
            String name = region + word + city + trade + form;
            // one firm per trade name (字号) and trade in a region: the rule of company-name registration
            if (!names.add(region + word + city + trade)) {
                continue;
            }
            String uscc = Uscc.withCheckCharacter("91640100MA7" + String.format("%07d", ++serial));
            registry.add(new Registered(uscc, name));
            parts.put(uscc, new String[] {region, word, city, trade, form});
            brandTrade.add(word + trade);
            brandTradeCity.add(word + city + trade);
        }
        datong().forEach(registry::add);
        positives(random);
        negatives(random);
    }

    /** The Datong list the demo data imports: real names of real listings (seed 004), synthetic codes. */
    private static List<Registered> datong() {
        try {
            List<Registered> rows = new ArrayList<>();
            var lines = new ClassPathResource("demo/datong-green-manufacturing-2016-2020.csv")
                    .getContentAsString(StandardCharsets.UTF_8).lines().skip(1).toList();
            for (String line : lines) {
                String[] cells = line.split(",");
                rows.add(new Registered(cells[1], cells[0]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void positives(Random random) {
        List<Registered> sample = new ArrayList<>(registry.subList(0, 300));
        java.util.Collections.shuffle(sample, random);
        for (Registered r : sample.subList(0, 90)) {
            String[] p = parts.get(r.uscc());
            String region = p[0];
            String core = p[1] + p[2] + p[3];
            String form = p[4];
            add("R1 no legal form", region + core, r);
            add("R2 another legal form", region + core + (form.equals("有限公司") ? "股份有限公司" : "有限公司"), r);
            add("R3 no leading region", core + form, r);
            add("R4 region in full", (region.equals("宁夏") ? "宁夏回族自治区" : "宁夏回族自治区" + region) + core + form, r);
            add("R5 full-width brackets and space", core + "（" + region + "）" + form, r);
            add("R6 traditional characters", TRADITIONAL.transliterate(r.name()), r);
            add("R7 traditional, no legal form", TRADITIONAL.transliterate(region + core), r);
            add("R8 spaces and punctuation", region + " " + p[1] + "·" + p[2] + p[3] + " " + form, r);
            int at = p[1].length() + random.nextInt(Math.max(1, core.length() - p[1].length()));
            char typo = TYPO_POOL.charAt(random.nextInt(TYPO_POOL.length()));
            if (core.charAt(at) != typo) {
                add("R9 one character replaced", region + core.substring(0, at) + typo + core.substring(at + 1) + form, r);
            }
        }
        for (Registered r : registry.subList(300, registry.size())) {
            add("R1 no legal form", r.name().replaceAll("(股份)?有限(责任)?公司$", ""), r);
            add("R4 region in full", "山西省" + r.name(), r);
            add("R6 traditional characters", TRADITIONAL.transliterate(r.name()), r);
        }
    }

    private void add(String rule, String name, Registered r) {
        labelled.add(new Labelled(rule, name, r.uscc()));
    }

    private void negatives(Random random) {
        Set<String> registeredNames = new LinkedHashSet<>();
        registry.forEach(r -> registeredNames.add(r.name()));
        int n1 = 0;
        int n2 = 0;
        int n3 = 0;
        while (n1 + n2 + n3 < 210) {
            String trade = TRADES[random.nextInt(TRADES.length)];
            String word = WORDS[random.nextInt(WORDS.length)];
            String city = CITIES[random.nextInt(CITIES.length)];
            int kind = random.nextInt(3);
            String name;
            if (kind == 0 && n1 < 70) {
                name = "宁夏" + UNUSED_WORDS[random.nextInt(UNUSED_WORDS.length)] + trade + "有限公司";
                n1++;
                labelled.add(new Labelled("N1 unregistered brand", name, null));
            } else if (kind == 1 && n2 < 70 && !brandTrade.contains(word + trade)) {
                name = "宁夏" + word + trade + "有限公司";
                n2++;
                labelled.add(new Labelled("N2 registered brand, other trade", name, null));
            } else if (kind == 2 && n3 < 70 && brandTrade.contains(word + trade) && !brandTradeCity.contains(word + city + trade)
                    && !brandTradeCity.contains(word + trade)) {
                name = "宁夏" + word + city + trade + "有限公司";
                n3++;
                labelled.add(new Labelled("N3 registered brand and trade, other city", name, null));
            }
        }
    }
}
