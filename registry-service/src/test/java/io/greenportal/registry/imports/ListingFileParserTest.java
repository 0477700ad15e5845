package io.greenportal.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.greenportal.platform.web.Times;
import io.greenportal.registry.imports.UploadedList.Format;
import io.greenportal.registry.listing.ListingRequest.IndicatorInput;
import io.greenportal.registry.listing.ListingRules;
import io.greenportal.registry.reference.Industries;
import io.greenportal.registry.reference.Regions;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reading national and historical lists (CSV with the ministry's Chinese column names, or JSON): a
 * file that is not well-formed is refused as a whole, a row that cannot be read is named by its line.
 */
@Tag("unit")
class ListingFileParserTest {

    final ListingFileParser parser = new ListingFileParser(JsonMapper.builder().build());

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    List<ImportRow> csv(String text) {
        return parser.parse(utf8(text), Format.CSV);
    }

    @Test
    void theDatongListOfSeed004ReadsAndPassesTheRegistryRules() throws IOException {
        byte[] file;
        try (var in = getClass().getResourceAsStream("/demo/datong-green-manufacturing-2016-2020.csv")) {
            file = in.readAllBytes();
        }
        List<ImportRow> rows = parser.parse(file, Format.CSV);
        assertThat(rows).hasSize(9).allMatch(row -> row.unreadable() == null);
        ImportRow guangling = rows.getFirst();
        assertThat(guangling.line()).as("line 1 is the header").isEqualTo(2);
        var request = guangling.request();
        assertThat(request.enterprise().name()).isEqualTo("广灵金隅水泥有限公司");
        assertThat(request.enterprise().regionCode()).isEqualTo("140223");
        assertThat(request.enterprise().industryCode()).isEqualTo("C30");
        assertThat(request.type()).as("绿色工厂").isEqualTo("GREEN_FACTORY");
        assertThat(request.level()).as("国家级").isEqualTo("NATIONAL");
        assertThat(request.year()).isEqualTo(2020);
        assertThat(request.batch()).isEqualTo("十三五期间");

        ListingRules rules = new ListingRules(new Regions(), new Industries(),
                Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), Times.ZONE));
        rows.forEach(row -> rules.check(row.request()));
    }

    @Test
    void englishAndChineseColumnNamesAndValuesMeanTheSame() {
        var rows = csv("""
                USCC,Enterprise_Name,region_code,industry_code,type,level,year,status,status_reason
                914403001922038216,大同冀东水泥有限责任公司,140214,C30,green_factory,provincial,2021,限期整改,年度报告逾期未报送
                """);
        var request = rows.getFirst().request();
        assertThat(request.type()).isEqualTo("GREEN_FACTORY");
        assertThat(request.level()).isEqualTo("PROVINCIAL");
        assertThat(request.status()).isEqualTo("SUSPENDED");
        assertThat(request.statusReason()).isEqualTo("年度报告逾期未报送");
        var chinese = csv("""
                信用代码,单位名称,地区代码,所属行业代码,类别,层级,年份,证书编号,撤销原因,状态
                9144030071526726XG,国药集团威奇达药业有限公司,140271,C27,绿色供应链管理企业,市级,2019,DT-2019-01,申报材料弄虚作假,撤销
                """).getFirst().request();
        assertThat(chinese.type()).isEqualTo("GREEN_SUPPLY_CHAIN");
        assertThat(chinese.level()).isEqualTo("MUNICIPAL");
        assertThat(chinese.status()).isEqualTo("REVOKED");
        assertThat(chinese.certificateNumber()).isEqualTo("DT-2019-01");
    }

    @Test
    void indicatorsAreWrittenAsCodeValueAndUnit() {
        var request = csv("""
                uscc,enterprise_name,region_code,industry_code,type,level,year,indicators
                914403001922038216,大同冀东水泥有限责任公司,140214,C30,GREEN_FACTORY,NATIONAL,2020,"ENERGY_PER_VALUE_ADDED=0.352 tce/万元; WATER_REUSE_RATE=95.5;SOLID_WASTE_UTILISATION = 98 %"
                """).getFirst().request();
        assertThat(request.indicators()).containsExactly(
                new IndicatorInput("ENERGY_PER_VALUE_ADDED", null, "0.352", "tce/万元"),
                new IndicatorInput("WATER_REUSE_RATE", null, "95.5", null),
                new IndicatorInput("SOLID_WASTE_UTILISATION", null, "98", "%"));
        var unreadable = csv("""
                uscc,enterprise_name,region_code,industry_code,type,level,year,indicators
                914403001922038216,大同冀东水泥有限责任公司,140214,C30,GREEN_FACTORY,NATIONAL,2020,能耗0.352
                """).getFirst();
        assertThat(unreadable.request()).isNull();
        assertThat(unreadable.field()).isEqualTo("indicators");
        assertThat(unreadable.unreadable()).isEqualTo("write indicators as CODE=value;CODE=value unit");
    }

    @Test
    void aRowThatCannotBeReadIsNamedByItsLineAndTheOthersStillCount() {
        var rows = csv("""
                企业名称,统一社会信用代码,行政区划代码,行业代码,类型,级别,年度
                "大同市中银纺织科技有限公司,二分厂",914403001922038216,140200,C17,绿色工厂,国家级,2020

                广灵金隅水泥有限公司,91330100716105852F,140223,C30,绿色工厂,国家级,二〇二〇
                大同冀东水泥有限责任公司,9144030071526726XG,140214,C30,绿色工厂
                """);
        assertThat(rows).extracting(ImportRow::line).containsExactly(2, 4, 5);
        assertThat(rows.get(0).request().enterprise().name()).as("a quoted comma is part of the name")
                .isEqualTo("大同市中银纺织科技有限公司,二分厂");
        assertThat(rows.get(1).field()).isEqualTo("year");
        assertThat(rows.get(1).unreadable()).isEqualTo("'二〇二〇' is not a year");
        assertThat(rows.get(2).unreadable()).isEqualTo("has 5 values for 7 columns");
    }

    @Test
    void aCellThatShowsNothingIsAnEmptyCell() {
        // a spreadsheet's no-break space or zero-width space in a cell that looks empty
        var rows = csv("企业名称,统一社会信用代码,行政区划代码,行业代码,类型,级别,年度\n"
                + "大同冀东水泥有限责任公司,9144030071526726XG,140214,C30,绿色工厂,国家级,\u00a0\n"
                + "\u200b,91330100716105852F,140223,C30,绿色工厂,国家级,2020\n");
        assertThat(rows.get(0).unreadable()).isNull();
        assertThat(rows.get(0).request().year()).isNull();
        assertThat(rows.get(1).unreadable()).isNull();
        assertThat(rows.get(1).request().enterprise().name()).isEmpty();
    }

    @Test
    void aByteOrderMarkIsNoColumnName() {
        var rows = parser.parse(utf8("\uFEFF企业名称,统一社会信用代码,行政区划代码,行业代码,类型,级别,年度\n"
                + "广灵金隅水泥有限公司,91330100716105852F,140223,C30,绿色工厂,国家级,2020\n"), Format.CSV);
        assertThat(rows.getFirst().request().enterprise().name()).isEqualTo("广灵金隅水泥有限公司");
    }

    @Test
    void aFileThatIsNotWellFormedIsRefusedAsAWhole() {
        assertThat(Refusal.of(() -> parser.parse("企业名称,统一社会信用代码\n大同,1\n".getBytes(Charset.forName("GBK")),
                Format.CSV)).detail()).isEqualTo("is not UTF-8 text (save the list as UTF-8 CSV or JSON)");
        assertThat(Refusal.of(() -> csv("")).detail()).isEqualTo("is empty");
        assertThat(Refusal.of(() -> csv("企业名称,统一社会信用代码,地址\n")).detail())
                .isEqualTo("line 1: unknown column '地址'");
        assertThat(Refusal.of(() -> csv("企业名称,enterprise_name\n")).detail())
                .isEqualTo("line 1: column 'enterprise_name' appears twice");
        assertThat(Refusal.of(() -> csv("企业名称,统一社会信用代码,行政区划代码,行业代码,类型,级别\n")).detail())
                .isEqualTo("line 1: the column year is missing");
        var refusal = Refusal.of(() -> csv("企业名称,统一社会信用代码,行政区划代码,行业代码,类型,级别,年度\n\"未闭合,1,2,3,4,5,6\n"));
        assertThat(refusal.fields()).containsExactly("file");
        assertThat(refusal.detail()).startsWith("is not well-formed CSV near line");
    }

    @Test
    void anImportHoldsAtMost100000Rows() {
        StringBuilder file = new StringBuilder("uscc,enterprise_name,region_code,industry_code,type,level,year\n");
        String row = "914403001922038216,大同冀东水泥有限责任公司,140214,C30,GREEN_FACTORY,NATIONAL,2020\n";
        file.append(row.repeat(ListingFileParser.MAX_ROWS));
        assertThat(csv(file.toString())).hasSize(ListingFileParser.MAX_ROWS);
        var refusal = Refusal.of(() -> csv(file.append(row).toString()));
        assertThat(refusal.status()).isEqualTo(413);
        assertThat(refusal.type()).isEqualTo("too-many-rows");
        assertThat(refusal.detail()).isEqualTo("an import holds at most 100000 rows; split the file");
    }

    @Test
    void jsonIsAnArrayOfListingsOrAnObjectHoldingOne() {
        String listing = """
                {"type": "GREEN_PARK", "level": "PROVINCIAL", "year": 2022,
                 "enterprise": {"uscc": "91330100716105852F", "name": "银川经济技术开发区管理委员会",
                                "regionCode": "640100", "industryCode": "C30"},
                 "subject": {"parkName": "银川经济技术开发区"}}""";
        var bare = parser.parse(utf8("[" + listing + "]"), Format.JSON);
        assertThat(bare.getFirst().request().subject().parkName()).isEqualTo("银川经济技术开发区");
        var wrapped = parser.parse(utf8("{\"source\": {\"name\": \"省工信厅\"}, \"listings\": [" + listing + ","
                + "{\"type\": \"GREEN_PARK\", \"year\": \"二〇二二\"}]}"), Format.JSON);
        assertThat(wrapped).hasSize(2);
        assertThat(wrapped.get(0).request().enterprise().regionCode()).isEqualTo("640100");
        assertThat(wrapped.get(1).request()).isNull();
        // the row's problem names the field, as a request body's would (web-edge BodyProblem), never a parser message
        assertThat(wrapped.get(1).field()).isEqualTo("year");
        assertThat(wrapped.get(1).unreadable()).isEqualTo("year: must be a whole number");

        assertThat(Refusal.of(() -> parser.parse(utf8(listing), Format.JSON)).detail())
                .isEqualTo("a JSON import is an array of listings");
        assertThat(Refusal.of(() -> parser.parse(utf8("[" + listing), Format.JSON)).detail())
                .startsWith("is not well-formed JSON near line");
    }

    @Test
    void theFormatComesFromTheNameOrTheDeclaredType() {
        assertThat(Format.of("大同市绿色制造名单.csv", null)).isEqualTo(Format.CSV);
        assertThat(Format.of("LIST.JSON", "application/octet-stream")).isEqualTo(Format.JSON);
        assertThat(Format.of(null, "application/json; charset=utf-8")).isEqualTo(Format.JSON);
        assertThat(Format.of("upload", "text/plain")).isEqualTo(Format.CSV);
        assertThat(Refusal.of(() -> Format.of("名单.xlsx", "application/vnd.ms-excel")).detail())
                .isEqualTo("send a .csv or .json file");
    }
}
