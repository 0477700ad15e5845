package io.greenportal.registry.imports;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.BodyProblem;
import io.greenportal.platform.web.StrictJson;
import io.greenportal.platform.web.TextRule;
import io.greenportal.registry.listing.ListingRequest;
import io.greenportal.registry.listing.ListingRequest.EnterpriseInput;
import io.greenportal.registry.listing.ListingRequest.IndicatorInput;
import io.greenportal.registry.listing.Subject;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads national and historical lists, as CSV (English or Chinese column names, as the ministry's
 * lists use) or JSON (an array of listings shaped like the REST API's). The whole file is read
 * before anything is written: a file that is not well-formed is refused as a whole, while rows that
 * are well-formed but wrong are rejected one by one later.
 */
@Component
public class ListingFileParser {

    static final int MAX_ROWS = 100_000;

    /** Column name (lower case; English or the Chinese used by published lists) → field. */
    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        column("uscc", "统一社会信用代码", "信用代码");
        column("enterprise_name", "企业名称", "单位名称", "申报单位");
        column("region_code", "行政区划代码", "地区代码");
        column("industry_code", "行业代码", "所属行业代码");
        column("type", "类型", "类别");
        column("level", "级别", "层级");
        column("year", "年度", "年份");
        column("batch", "批次");
        column("certificate_number", "证书编号", "编号");
        column("site_name", "工厂名称");
        column("park_name", "园区名称");
        column("product_name", "产品名称");
        column("product_model", "规格型号", "型号");
        column("product_category", "产品类别");
        column("evaluation_standard", "评价标准", "评价依据");
        column("granted_on", "认定日期", "公布日期");
        column("status", "状态");
        column("status_reason", "状态原因", "撤销原因");
        column("indicators", "指标");
        column("note", "备注");
    }

    private static final Map<String, String> VALUE_ALIASES = Map.ofEntries(
            Map.entry("绿色工厂", "GREEN_FACTORY"), Map.entry("绿色园区", "GREEN_PARK"),
            Map.entry("绿色设计产品", "GREEN_PRODUCT"), Map.entry("绿色供应链", "GREEN_SUPPLY_CHAIN"),
            Map.entry("绿色供应链管理企业", "GREEN_SUPPLY_CHAIN"), Map.entry("国家级", "NATIONAL"),
            Map.entry("省级", "PROVINCIAL"), Map.entry("市级", "MUNICIPAL"), Map.entry("有效", "ACTIVE"),
            Map.entry("限期整改", "SUSPENDED"), Map.entry("撤销", "REVOKED"));

    private static final List<String> REQUIRED = List.of("uscc", "enterprise_name", "region_code", "industry_code",
            "type", "level", "year");

    private final JsonMapper json;

    public ListingFileParser(JsonMapper json) {
        // a JSON import is read as strictly as a request body (web-edge StrictJson), row by row
        this.json = StrictJson.of(json);
    }

    private static void column(String field, String... aliases) {
        COLUMNS.put(field, field);
        for (String alias : aliases) {
            COLUMNS.put(alias, field);
        }
    }

    public List<ImportRow> parse(byte[] content, UploadedList.Format format) {
        String text = UploadedList.utf8(content, "the list");
        return format == UploadedList.Format.CSV ? parseCsv(text) : parseJson(text);
    }

    private List<ImportRow> parseCsv(String text) {
        CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).enable(CsvReadFeature.TRIM_SPACES).build();
        List<ImportRow> rows = new ArrayList<>();
        try (var iterator = csv.readerForArrayOf(String.class).readValues(text)) {
            if (!iterator.hasNext()) {
                throw ApiException.invalid("file", "is empty");
            }
            String[] header = (String[]) iterator.next();
            List<String> fields = new ArrayList<>();
            for (String name : header) {
                String field = COLUMNS.get(name.strip().toLowerCase(Locale.ROOT));
                if (field == null) {
                    throw ApiException.invalid("file", "line 1: unknown column '" + TextRule.printable(name.strip(), 64) + "'");
                }
                if (fields.contains(field)) {
                    throw ApiException.invalid("file", "line 1: column '" + TextRule.printable(name.strip(), 64) + "' appears twice");
                }
                fields.add(field);
            }
            for (String required : REQUIRED) {
                if (!fields.contains(required)) {
                    throw ApiException.invalid("file", "line 1: the column " + required + " is missing");
                }
            }
            while (iterator.hasNext()) {
                int line = iterator.currentLocation().getLineNr();
                String[] values = (String[]) iterator.next();
                if (values.length == 1 && values[0].isBlank()) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "too-many-rows",
                            "file", "an import holds at most " + MAX_ROWS + " rows; split the file");
                }
                if (values.length != fields.size()) {
                    rows.add(ImportRow.unreadable(line, null,
                            "has " + values.length + " values for " + fields.size() + " columns"));
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < values.length; i++) {
                    row.put(fields.get(i), values[i]);
                }
                rows.add(toRow(line, row));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw ApiException.invalid("file", "is not well-formed CSV near line " + line
                    + " (check quotes: a value holding a comma or a quote is written \"like \"\"this\"\"\")");
        }
        return rows;
    }

    private ImportRow toRow(int line, Map<String, String> cells) {
        // a cell that shows nothing (a spreadsheet's no-break space) is an empty cell
        Map<String, String> row = new java.util.LinkedHashMap<>();
        cells.forEach((column, value) -> row.put(column, TextRule.showsNothing(value) ? "" : value));
        // every cell under the portal's text rule (web-edge TextRule), as a JSON field would be
        for (Map.Entry<String, String> cell : row.entrySet()) {
            String problem = TextRule.problem(cell.getValue(),
                    cell.getKey().equals("status_reason") ? TextRule.Kind.FREE_TEXT : TextRule.Kind.LINE,
                    cell.getKey().equals("status_reason") ? 500 : TextRule.LINE_MAX);
            if (problem != null) {
                return ImportRow.unreadable(line, cell.getKey(), problem);
            }
        }
        Integer year;
        try {
            year = row.get("year") == null || row.get("year").isBlank() ? null : Integer.valueOf(row.get("year").strip());
        } catch (NumberFormatException e) {
            return ImportRow.unreadable(line, "year", "'" + TextRule.printable(row.get("year"), 40) + "' is not a year");
        }
        List<IndicatorInput> indicators = new ArrayList<>();
        String raw = row.get("indicators");
        if (raw != null && !raw.isBlank()) {
            for (String part : raw.split(";")) {
                int eq = part.indexOf('=');
                if (eq < 0) {
                    return ImportRow.unreadable(line, "indicators", "write indicators as CODE=value;CODE=value unit");
                }
                String code = part.substring(0, eq).strip();
                String valueAndUnit = part.substring(eq + 1).strip();
                int space = valueAndUnit.indexOf(' ');
                String value = space < 0 ? valueAndUnit : valueAndUnit.substring(0, space);
                String unit = space < 0 ? null : valueAndUnit.substring(space + 1).strip();
                indicators.add(new IndicatorInput(code, null, value, unit));
            }
        }
        return ImportRow.of(line, new ListingRequest(alias(row.get("type")), alias(row.get("level")),
                new EnterpriseInput(row.get("uscc"), row.get("enterprise_name"), row.get("region_code"),
                        row.get("industry_code")),
                new Subject(row.get("site_name"), row.get("park_name"), row.get("product_name"), row.get("product_model"),
                        row.get("product_category"), row.get("evaluation_standard")),
                year, row.get("batch"), row.get("certificate_number"), indicators, row.get("granted_on"),
                alias(row.get("status")), row.get("status_reason")));
    }

    private List<ImportRow> parseJson(String text) {
        List<ImportRow> rows = new ArrayList<>();
        try (JsonParser parser = json.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                // {"listings": [...]} is accepted as well as a bare array
                while (parser.nextToken() == JsonToken.PROPERTY_NAME && !"listings".equals(parser.currentName())) {
                    parser.nextToken();
                    parser.skipChildren();
                }
                first = parser.nextToken();
            }
            if (first != JsonToken.START_ARRAY) {
                throw ApiException.invalid("file", "a JSON import is an array of listings");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = parser.currentLocation().getLineNr();
                if (rows.size() >= MAX_ROWS) {
                    throw new ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "too-many-rows",
                            "file", "an import holds at most " + MAX_ROWS + " rows; split the file");
                }
                JsonNode node = json.readerFor(JsonNode.class)
                        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
                try {
                    rows.add(ImportRow.of(line, json.treeToValue(node, ListingRequest.class)));
                } catch (JacksonException e) {
                    BodyProblem problem = BodyProblem.of(e);
                    rows.add(ImportRow.unreadable(line, problem.field(), problem.field() == null
                            ? "does not have the shape of a listing" : problem.detail()));
                }
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            BodyProblem problem = BodyProblem.of(e);
            throw ApiException.invalid("file", "is not well-formed JSON near line " + line
                    + (problem.field() == null ? "" : ": " + problem.detail()));
        }
        return rows;
    }

    private static String alias(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return VALUE_ALIASES.getOrDefault(stripped, stripped.toUpperCase(Locale.ROOT));
    }
}
