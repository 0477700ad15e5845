package io.greenportal.registry.screening;

import io.greenportal.registry.imports.UploadedList;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.TextRule;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads a portfolio: CSV with a header (credit_code / 统一社会信用代码, name / 企业名称, reference /
 * 客户编号; at least one of the first two) or JSON (an array of {creditCode, name, reference}, or
 * {"rows": [...]}). Up to 100,000 rows; the whole file is read before a job starts, and a file that
 * is not UTF-8 or not well-formed is refused whole (400 naming {@code file}).
 */
@Component
public class PortfolioParser {

    public static final int MAX_ROWS = 100_000;
    static final int MAX_VALUE = 200;

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        column("credit_code", "creditcode", "uscc", "统一社会信用代码", "信用代码");
        column("name", "enterprise_name", "企业名称", "客户名称", "借款人名称", "单位名称");
        column("reference", "ref", "客户编号", "借款人编号", "参考号", "备注");
    }

    private static void column(String field, String... aliases) {
        COLUMNS.put(field, field);
        for (String alias : aliases) {
            COLUMNS.put(alias, field);
        }
    }

    private final JsonMapper json;

    public PortfolioParser(JsonMapper json) {
        this.json = json;
    }

    public List<PortfolioRow> parse(byte[] content, UploadedList.Format format) {
        String text = UploadedList.utf8(content, "the portfolio");
        List<PortfolioRow> rows = format == UploadedList.Format.CSV ? csv(text) : json(text);
        if (rows.isEmpty()) {
            throw ApiException.invalid("file", "holds no rows");
        }
        return rows;
    }

    private static ApiException tooMany() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-many-rows", "file",
                "a portfolio holds at most " + MAX_ROWS + " rows; split the file");
    }

    private static List<PortfolioRow> csv(String text) {
        CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).enable(CsvReadFeature.TRIM_SPACES).build();
        List<PortfolioRow> rows = new ArrayList<>();
        try (var iterator = csv.readerForArrayOf(String.class).readValues(text)) {
            if (!iterator.hasNext()) {
                throw ApiException.invalid("file", "is empty");
            }
            String[] header = (String[]) iterator.next();
            int[] positions = {-1, -1, -1};
            List<String> order = List.of("credit_code", "name", "reference");
            for (int i = 0; i < header.length; i++) {
                String field = COLUMNS.get(header[i].strip().toLowerCase(Locale.ROOT));
                if (field == null) {
                    throw ApiException.invalid("file", "line 1: unknown column '" + header[i].strip()
                            + "' (columns: credit_code, name, reference)");
                }
                int k = order.indexOf(field);
                if (positions[k] >= 0) {
                    throw ApiException.invalid("file", "line 1: column '" + header[i].strip() + "' appears twice");
                }
                positions[k] = i;
            }
            if (positions[0] < 0 && positions[1] < 0) {
                throw ApiException.invalid("file", "line 1: a credit_code or a name column is needed");
            }
            while (iterator.hasNext()) {
                int line = iterator.currentLocation().getLineNr();
                String[] values = (String[]) iterator.next();
                if (values.length == 1 && values[0].isBlank()) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw tooMany();
                }
                if (values.length > header.length) {
                    throw ApiException.invalid("file", "line " + line + " has " + values.length + " values for "
                            + header.length + " columns");
                }
                rows.add(new PortfolioRow(line, value(values, positions[0], line), value(values, positions[1], line),
                        value(values, positions[2], line)));
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw ApiException.invalid("file", "is not well-formed CSV near line " + line
                    + " (check quotes: a value holding a comma or a quote is written \"like \"\"this\"\"\")");
        }
        return rows;
    }

    /**
     * Spaces around a value (ordinary and ideographic, as spreadsheets and IMEs leave them) are not
     * part of it; a tab or another control character there is refused by the text rule, not cleaned.
     */
    static String spacesAround(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\u3000')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\u3000')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static String value(String[] values, int position, int line) {
        if (position < 0 || position >= values.length || values[position].isBlank()
                || TextRule.showsNothing(values[position])) {
            return null;
        }
        String v = spacesAround(values[position]);
        if (v.length() > MAX_VALUE) {
            throw ApiException.invalid("file", "line " + line + ": a value longer than " + MAX_VALUE + " characters");
        }
        String broken = TextRule.problem(v, TextRule.Kind.LINE);
        if (broken != null) {
            throw ApiException.invalid("file", "line " + line + ": a value " + broken);
        }
        return v;
    }

    private List<PortfolioRow> json(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            // never the parser's own message (it names Java classes), as imports word it
            if (e instanceof StreamConstraintsException) {
                throw ApiException.invalid("file", "is not a portfolio: it nests too deeply or holds a value too long");
            }
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw ApiException.invalid("file", "is not well-formed JSON" + (line > 0 ? " near line " + line : ""));
        }
        JsonNode array = root != null && root.isObject() && root.has("rows") ? root.get("rows") : root;
        if (array == null || !array.isArray()) {
            throw ApiException.invalid("file", "must be a JSON array of {creditCode, name, reference} or {\"rows\": [...]}");
        }
        if (array.size() > MAX_ROWS) {
            throw tooMany();
        }
        List<PortfolioRow> rows = new ArrayList<>(array.size());
        int position = 0;
        for (JsonNode row : array) {
            position++;
            if (!row.isObject()) {
                throw ApiException.invalid("file", "row " + position + " is not an object");
            }
            for (String field : row.propertyNames()) {
                if (!List.of("creditCode", "name", "reference").contains(field)) {
                    throw ApiException.invalid("file", "row " + position + ": unknown field '" + field
                            + "' (fields: creditCode, name, reference)");
                }
            }
            rows.add(new PortfolioRow(position, text(row, "creditCode", position), text(row, "name", position),
                    text(row, "reference", position)));
        }
        return rows;
    }

    private static String text(JsonNode row, String field, int position) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw ApiException.invalid("file", "row " + position + ": " + field + " must be a string");
        }
        String s = spacesAround(v.asString());
        if (TextRule.showsNothing(s)) {
            return null;
        }
        if (s.length() > MAX_VALUE) {
            throw ApiException.invalid("file", "row " + position + ": " + field + " is longer than " + MAX_VALUE + " characters");
        }
        String broken = TextRule.problem(s, TextRule.Kind.LINE);
        if (broken != null) {
            throw ApiException.invalid("file", "row " + position + ": " + field + " " + broken);
        }
        return s.isEmpty() ? null : s;
    }
}
