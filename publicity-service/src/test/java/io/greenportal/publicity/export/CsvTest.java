package io.greenportal.publicity.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Open-data CSV cells (RFC 4180): quoted when they hold a comma, quote or line break, quotes doubled;
 * and text a spreadsheet would run as a formula (= + - @, tab, carriage return first) defused with '.
 */
@Tag("unit")
class CsvTest {

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "大同冀东水泥有限责任公司 | 大同冀东水泥有限责任公司",
            "大同市中银纺织科技有限公司,二分厂 | \"大同市中银纺织科技有限公司,二分厂\"",
            "硅酸盐水泥 \"P·O\" 42.5 | \"硅酸盐水泥 \"\"P·O\"\" 42.5\"",
            "=HYPERLINK(\"http://x\",\"点击\") | \"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"",
            "=1+1 | '=1+1",
            "+86 951 1234567 | '+86 951 1234567",
            "-5 | '-5",
            "@SUM(A1) | '@SUM(A1)",
            "GF-640000-2025-0007 | GF-640000-2025-0007",
            "工信部节〔2019〕 | 工信部节〔2019〕"})
    void textIsQuotedAndDefusedAsNeeded(String value, String cell) {
        assertThat(Csv.cell(value)).isEqualTo(cell);
    }

    @Test
    void lineBreaksAndLeadingControlsAreKeptInsideQuotes() {
        assertThat(Csv.cell("年度报告逾期未报送\n限期三个月整改")).isEqualTo("\"年度报告逾期未报送\n限期三个月整改\"");
        assertThat(Csv.cell("\r\nx")).isEqualTo("\"'\r\nx\"");
        assertThat(Csv.cell("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void numbersAreNumbersEvenWhenNegativeAndAbsentIsEmpty() {
        assertThat(Csv.cell(-5)).isEqualTo("-5");
        assertThat(Csv.cell(2024)).isEqualTo("2024");
        assertThat(Csv.cell(new BigDecimal("-0.352"))).isEqualTo("-0.352");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }
}
