package io.greenportal.registry.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

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
}
