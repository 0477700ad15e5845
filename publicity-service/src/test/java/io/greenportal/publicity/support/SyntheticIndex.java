package io.greenportal.publicity.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.greenportal.publicity.search.ListingDocument;
import io.greenportal.publicity.search.ListingIndex;
import io.greenportal.publicity.search.ListingIndexer;
import io.greenportal.publicity.search.NameOrder;

/**
 * Fills the standalone context's own index with synthetic listings directly through the indexer
 * (registering ten thousand listings in the shared registry would flood everyone's data). Once per
 * alias: every test class of that context sees the same documents.
 */
public final class SyntheticIndex {

    public static final int SIZE = 10_500;
    static final String[][] REGIONS = {{"640104", "兴庆区", "640100"}, {"640106", "金凤区", "640100"},
            {"640202", "大武口区", "640200"}, {"640302", "利通区", "640300"}, {"640502", "沙坡头区", "640500"},
            {"140214", "云冈区", "140200"}};
    static final String[] TYPES = {"GREEN_FACTORY", "GREEN_PRODUCT", "GREEN_PARK", "GREEN_SUPPLY_CHAIN"};
    static final String[] LEVELS = {"NATIONAL", "PROVINCIAL", "MUNICIPAL"};
    private static final java.util.Set<String> FILLED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SyntheticIndex() {
    }

    public static synchronized void ensure(ListingIndex index, ListingIndexer indexer) throws Exception {
        if (FILLED.contains(index.alias()) || !index.aliased().isEmpty()) {
            FILLED.add(index.alias());
            return;
        }
        String name = index.create();
        List<ListingDocument> batch = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            batch.add(document(i));
            if (batch.size() == 1000) {
                indexer.writeTo(name, batch, false);
                batch.clear();
            }
        }
        indexer.writeTo(name, batch, false);
        index.refresh(name);
        index.switchTo(name);
        FILLED.add(index.alias());
    }

    /** Listing i: every 25th suspended, every 40th revoked; names 合成测试企业{i}. */
    public static ListingDocument document(int i) {
        String[] region = REGIONS[i % REGIONS.length];
        String type = TYPES[i % TYPES.length];
        String status = i % 40 == 0 ? "REVOKED" : i % 25 == 0 ? "SUSPENDED" : "ACTIVE";
        int year = 2010 + i % 16;
        String name = "宁夏合成测试企业" + i + "号有限公司";
        return new ListingDocument(id(i).toString(), i + 1, type, LEVELS[i % LEVELS.length], status,
                "ACTIVE".equals(status) ? null : "合成数据的状态原因 " + i,
                "ACTIVE".equals(status) ? null : OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
                name, null, region[0], region[1], region[2], region[0].substring(0, 2) + "0000", "C30", "非金属矿物制品业",
                "GREEN_PRODUCT".equals(type) ? "合成产品" + i + " M" + i : null, null, null,
                "GREEN_PRODUCT".equals(type) ? "合成产品" + i : null, "GREEN_PRODUCT".equals(type) ? "M" + i : null,
                null, null, year, year + "年度第1批", "SYN-" + year + "-" + String.format("%05d", i), false,
                LocalDate.of(year, 1 + i % 12, 1 + i % 28), OffsetDateTime.of(year, 12, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)),
                "IMPORT", List.of(new ListingDocument.IndicatorValue("WATER_REUSE_RATE", "工业用水重复利用率",
                        "9" + (i % 10) + ".5", "%")), NameOrder.key(name));
    }

    public static UUID id(int i) {
        return UUID.nameUUIDFromBytes(("synthetic-" + i).getBytes());
    }

    public static long count(java.util.function.IntPredicate filter) {
        long n = 0;
        for (int i = 0; i < SIZE; i++) {
            if (filter.test(i)) {
                n++;
            }
        }
        return n;
    }

    public static boolean listedByDefault(int i) {
        return i % 40 != 0;
    }
}
