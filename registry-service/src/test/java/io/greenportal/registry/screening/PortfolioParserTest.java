package io.greenportal.registry.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.greenportal.platform.web.ApiException;
import io.greenportal.registry.imports.UploadedList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** A bank's portfolio as it comes out of a spreadsheet. */
@Tag("unit")
class PortfolioParserTest {

    final PortfolioParser parser = new PortfolioParser(JsonMapper.builder().build());

    @Test
    void aCellThatShowsNothingIsAnEmptyCell() {
        var csv = parser.parse("credit_code,name,reference\n91640100MA76A00010,\u00a0,\u200b\n".getBytes(StandardCharsets.UTF_8),
                UploadedList.Format.CSV);
        assertThat(csv).singleElement().isEqualTo(new PortfolioRow(2, "91640100MA76A00010", null, null));
        var json = parser.parse("[{\"creditCode\": \"91640100MA76A00010\", \"name\": \"\\u00a0\"}]".getBytes(StandardCharsets.UTF_8),
                UploadedList.Format.JSON);
        assertThat(json).singleElement().extracting(PortfolioRow::name).isNull();
    }

    @Test
    void spacesAroundAValueAreNotPartOfItButATabIsRefusedNotCleaned() {
        var csv = parser.parse("credit_code,name,reference\n, 宁夏绿源\u3000 ,r1\n".getBytes(StandardCharsets.UTF_8),
                UploadedList.Format.CSV);
        assertThat(csv).singleElement().extracting(PortfolioRow::name).isEqualTo("宁夏绿源");
        for (String cell : new String[] {"\"\tabc\"", "\"abc\t\"", "\"\t=1\""}) {
            assertThatThrownBy(() -> parser.parse(("credit_code,name,reference\n," + cell + ",r1\n").getBytes(StandardCharsets.UTF_8),
                    UploadedList.Format.CSV)).as(cell).isInstanceOf(ApiException.class).hasMessageContaining("U+0009");
        }
        assertThatThrownBy(() -> parser.parse("[{\"name\": \"\\tabc\"}]".getBytes(StandardCharsets.UTF_8),
                UploadedList.Format.JSON)).isInstanceOf(ApiException.class).hasMessageContaining("U+0009");
    }
}
