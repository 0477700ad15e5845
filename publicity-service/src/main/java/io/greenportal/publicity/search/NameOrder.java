package io.greenportal.publicity.search;

import java.util.HexFormat;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * The order a Chinese reader expects names in: pinyin (安徽 before 北京 before 重庆 before 宁夏), as
 * the Chinese collation of Unicode's CLDR defines it. Elasticsearch compares keywords byte by
 * byte, so each name is indexed with its collation key written in hex, which sorts in the same
 * order; the server needs no collation plugin.
 */
public final class NameOrder {

    // primary strength: letters and characters, not case or width (ties fall to the next sort field)
    private static final Collator CHINESE = primary();

    private NameOrder() {
    }

    /** The sort key of {@code name}, or null for no name (sorted last). */
    public static String key(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        byte[] key = CHINESE.getCollationKey(name.strip()).toByteArray();
        // the last byte is the key's terminating zero, which every key ends with
        return HexFormat.of().formatHex(key, 0, key.length - 1);
    }

    private static Collator primary() {
        Collator collator = Collator.getInstance(ULocale.SIMPLIFIED_CHINESE);
        collator.setStrength(Collator.PRIMARY);
        return collator.freeze(); // a frozen collator may be shared by threads
    }
}
