package io.greenportal.registry.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

/**
 * How two spellings of a Chinese company name are brought together: full-width characters to
 * their plain forms (NFKC), traditional characters to simplified (ICU's Traditional-Simplified
 * transform), spaces and punctuation dropped, Latin letters upper-cased; then the legal form
 * (股份有限公司, 有限责任公司, 有限公司, …) is cut from the end and administrative regions (宁夏回族自治区,
 * 宁夏, 银川市, 银川, …, also in brackets) from the start. What remains is the name's core, which
 * the matcher compares.
 */
public final class CompanyNames {

    /** Longest first: 股份有限公司 before 有限公司. */
    static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "股份合作公司", "有限公司", "股份公司",
            "总公司", "分公司", "公司");

    private static final ThreadLocal<Transliterator> SIMPLIFIED = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Traditional-Simplified"));
    /**
     * ICU's transform maps character by character; asked once per character and remembered, a name
     * costs a few map look-ups instead of a pass of the transliterator (a tenth of the time).
     */
    private static final java.util.concurrent.ConcurrentHashMap<Integer, String> SIMPLIFIED_CHARS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final List<String> regions;

    /**
     * {@code regionNames}: administrative names as the reference data spells them (宁夏回族自治区,
     * 银川市, 金凤区); each is also taken without its level word (宁夏, 银川, 金凤).
     */
    public CompanyNames(Collection<String> regionNames) {
        Set<String> all = new LinkedHashSet<>();
        for (String name : regionNames) {
            String n = name.strip();
            if (n.length() < 2) {
                continue;
            }
            all.add(n);
            String shortName = shorten(n);
            if (shortName.length() >= 2) {
                all.add(shortName);
            }
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.regions = List.copyOf(sorted);
    }

    private static String shorten(String region) {
        for (String suffix : List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "自治州", "自治县",
                "省", "市", "地区", "盟", "区", "县", "旗")) {
            if (region.endsWith(suffix) && region.length() - suffix.length() >= 2) {
                return region.substring(0, region.length() - suffix.length());
            }
        }
        return region;
    }

    /** Full-width to plain, traditional to simplified, no spaces or punctuation, Latin upper case. */
    public String plain(String name) {
        return name == null ? "" : clean(simplified(Normalizer.normalize(name, Normalizer.Form.NFKC)));
    }

    /** Traditional characters to simplified ones; others (simplified, Latin, digits) as they are. */
    static String simplified(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x2E80) {
                b.appendCodePoint(c);
            } else {
                b.append(SIMPLIFIED_CHARS.computeIfAbsent(c, k -> SIMPLIFIED.get().transliterate(Character.toString(k))));
            }
        });
        return b.toString();
    }

    /** Letters and digits only, Latin upper-cased. */
    private static String clean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString().toUpperCase(Locale.ROOT);
    }

    /** A name taken apart: its plain form, its core, and the regions it named (in their short form). */
    public record Parsed(String plain, String core, Set<String> regions) {
    }

    /** The core: {@link #plain} without the legal form at the end and regions at the start. */
    public String core(String name) {
        return parse(name).core();
    }

    public Parsed parse(String name) {
        String n = name == null ? "" : simplified(Normalizer.normalize(name, Normalizer.Form.NFKC));
        String plain = clean(n);
        Set<String> named = new LinkedHashSet<>();
        // a region in brackets anywhere, e.g. 塞上水泥(宁夏)有限公司
        if (n.indexOf('(') >= 0 || n.indexOf('[') >= 0) {
            for (String region : regions) {
                String before = n;
                n = n.replace("(" + region + ")", "").replace("[" + region + "]", "");
                if (!before.equals(n)) {
                    named.add(shorten(region));
                }
            }
        }
        String cut = clean(n);
        for (String form : LEGAL_FORMS) {
            if (cut.endsWith(form) && cut.length() > form.length() + 1) {
                cut = cut.substring(0, cut.length() - form.length());
                break;
            }
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String region : regions) {
                if (cut.startsWith(region) && cut.length() - region.length() >= 2) {
                    cut = cut.substring(region.length());
                    named.add(shorten(region));
                    stripped = true;
                    break;
                }
            }
        }
        return new Parsed(plain, cut, Set.copyOf(named));
    }
}
