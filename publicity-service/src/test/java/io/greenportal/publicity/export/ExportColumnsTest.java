package io.greenportal.publicity.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import io.greenportal.publicity.search.ListingDocument;
import io.greenportal.publicity.search.ListingDocument.IndicatorValue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The open-data columns: one list for the CSV header, the JSON keys and the dictionary, and how each cell reads. */
@Tag("unit")
class ExportColumnsTest {

    static ListingDocument revokedFactory() {
        return new ListingDocument("5f1d0000-0000-4000-8000-000000000214", 42, "GREEN_FACTORY", "NATIONAL", "REVOKED",
                "发生较大环境污染事件，撤销称号", OffsetDateTime.parse("2025-11-03T02:15:00Z"), "大同冀东水泥有限责任公司",
                "914403001922038216", "140214", "云冈区", "140200", "140000", "C30", "非金属矿物制品业", "云冈区水泥熟料生产线",
                "云冈区水泥熟料生产线", null, null, null, null, null, 2020, "十三五期间", "GF-CN-2020-0002", true,
                LocalDate.of(2020, 12, 31), OffsetDateTime.parse("2026-05-20T01:00:00Z"), "IMPORT",
                List.of(new IndicatorValue("ENERGY_PER_VALUE_ADDED", "单位工业增加值能耗", "0.352", "tce/万元"),
                        new IndicatorValue("WATER_REUSE_RATE", "工业用水重复利用率", "95.50", "%"),
                        new IndicatorValue("OWN_METRIC", null, "1", null)), null);
    }

    static Object cell(String column, ListingDocument d) {
        return ExportColumns.ALL.stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow().value().apply(d);
    }

    @Test
    void theHeaderIsStableAndEachColumnNamedOnce() {
        List<String> names = ExportColumns.ALL.stream().map(ExportColumns.Column::name).toList();
        assertThat(names).startsWith("id", "certificate_number", "certificate_number_assigned", "type", "type_name", "level", "level_name", "status");
        assertThat(names).endsWith("evaluation_standard", "indicators");
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names).allMatch(n -> n.matches("[a-z_]+"));
        assertThat(ExportColumns.ALL).allMatch(c -> !c.description().isBlank() && !c.type().isBlank());
    }

    @Test
    void codesComeWithTheirChineseNames() {
        var d = revokedFactory();
        assertThat(cell("type_name", d)).isEqualTo("绿色工厂");
        assertThat(cell("level_name", d)).isEqualTo("国家级");
        assertThat(cell("status", d)).isEqualTo("REVOKED");
        assertThat(cell("status_reason", d)).isEqualTo("发生较大环境污染事件，撤销称号");
        assertThat(cell("certificate_number_assigned", d)).as("the Datong list gives no numbers").isEqualTo(true);
    }

    @Test
    void timesAreInShanghaiAndDaysAreDays() {
        var d = revokedFactory();
        // one shape in every row: seconds always written (the value's toString left out ":00"), never fractions
        assertThat(cell("status_changed_at", d)).isEqualTo("2025-11-03T10:15:00+08:00");
        var fractional = new ListingDocument("x", 1, "GREEN_PARK", "PROVINCIAL", "SUSPENDED", "整改",
                OffsetDateTime.parse("2026-12-05T17:23:59.273977517Z"), "管委会", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, 2024, null, "GP-640000-2024-0001",
                false, null, null, null, List.of(), null);
        assertThat(cell("status_changed_at", fractional)).isEqualTo("2026-12-06T01:23:59+08:00");
        assertThat(cell("granted_on", d)).isEqualTo(LocalDate.of(2020, 12, 31));
    }

    @Test
    void indicatorsAreCodeEqualsValueAndUnitInOneCell() {
        assertThat(cell("indicators", revokedFactory()))
                .isEqualTo("ENERGY_PER_VALUE_ADDED=0.352 tce/万元; WATER_REUSE_RATE=95.50 %; OWN_METRIC=1");
        var none = new ListingDocument("x", 1, "GREEN_PARK", "PROVINCIAL", "ACTIVE", null, null, "管委会", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, 2024, null, "GP-640000-2024-0001",
                false, null, null, null, List.of(), null);
        assertThat(cell("indicators", none)).isNull();
        assertThat(Csv.cell(cell("indicators", none))).isEmpty();
    }

    @Test
    void aRowOfTheCsvExportIsEveryColumnInOrder() {
        String row = ExportColumns.ALL.stream().map(c -> Csv.cell(c.value().apply(revokedFactory())))
                .collect(Collectors.joining(","));
        assertThat(row).startsWith("5f1d0000-0000-4000-8000-000000000214,GF-CN-2020-0002,true,GREEN_FACTORY,绿色工厂,NATIONAL,国家级,REVOKED,");
        assertThat(row).contains(",2020,十三五期间,2020-12-31,大同冀东水泥有限责任公司,914403001922038216,140214,云冈区,140200,140000,C30,");
    }
}
