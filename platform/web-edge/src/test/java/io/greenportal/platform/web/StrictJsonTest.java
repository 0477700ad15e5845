package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Request bodies as the web edge reads them: one meaning per input, or a 400 naming the field. */
@Tag("unit")
class StrictJsonTest {

    enum Kind {
        GREEN, GREY
    }

    record Body(String name, @FreeText(max = 100) String comment, Boolean active, Integer count, Double ratio,
            BigDecimal amount, OffsetDateTime opensAt, LocalDate day, List<String> tags, Kind kind,
            Map<String, Integer> extra, Inner inner) {
    }

    record Inner(String label, List<Inner> children) {
    }

    record Reading(String code, @DecimalText String value) {
    }

    static final JsonMapper JSON = StrictJson.of(JsonMapper.builder().build());

    static Body read(String json) {
        return JSON.readValue(json, Body.class);
    }

    /** The problem a body gets: "type field: detail". */
    static String refusal(String json) {
        Throwable thrown = catchThrowable(() -> read(json));
        assertThat(thrown).as(json).isNotNull();
        BodyProblem problem = BodyProblem.of(thrown);
        assertThat(problem.detail()).doesNotContainPattern("java\\.|tools\\.jackson|\\[L|Body|Inner");
        return problem.type() + " " + problem.field() + ": " + problem.detail();
    }

    @Test
    void aWellFormedBodyIsReadAsWritten() {
        Body body = read("""
                {"name":"宁夏绿源 😀","comment":"第一行\\n第二行\\t完","active":true,"count":3,"ratio":0.5,
                 "amount":"385000.00","opensAt":"2026-03-01T00:00:00+08:00","day":"2026-03-01","tags":["a","b"],
                 "kind":"GREEN","extra":{"x":1},"inner":{"label":"l","children":[{"label":"c"}]}}""");
        assertThat(body.name()).isEqualTo("宁夏绿源 😀");
        assertThat(body.comment()).contains("\n");
        assertThat(body.amount()).isEqualByComparingTo("385000.00");
        assertThat(body.opensAt().toInstant()).hasToString("2026-02-29T16:00:00Z".replace("02-29", "02-28"));
        assertThat(read("{\"amount\":12.5}").amount()).isEqualByComparingTo("12.5");
    }

    @Test
    void aDecimalHeldAsTextMayComeAsANumberAndKeepsItsDigits() {
        assertThat(JSON.readValue("{\"value\":0.330}", Reading.class).value()).isEqualTo("0.330");
        assertThat(JSON.readValue("{\"value\":95}", Reading.class).value()).isEqualTo("95");
        assertThat(JSON.readValue("{\"value\":\"0.330\"}", Reading.class).value()).isEqualTo("0.330");
        // a number is a plain decimal of the API's size, as any decimal field's; other types stay refused
        for (String refused : new String[] {"1e3", "1e309", "123456789012345678901234567890", "0.1234567", "true"}) {
            Throwable thrown = catchThrowable(() -> JSON.readValue("{\"value\":" + refused + "}", Reading.class));
            assertThat(BodyProblem.of(thrown).field()).as(refused).isEqualTo("value");
        }
        // an ordinary string field still takes only strings
        Throwable thrown = catchThrowable(() -> JSON.readValue("{\"code\":12}", Reading.class));
        assertThat(BodyProblem.of(thrown).detail()).contains("must be a string");
    }

    @Test
    void controlCharactersSurrogatesAndNonCharactersAreRefusedNamingTheField() {
        assertThat(refusal("{\"name\":\"a\\u0000b\"}")).startsWith("invalid-field name: name: must not contain NUL");
        assertThat(refusal("{\"name\":\"\\u001b[31mred\"}")).contains("name: must not contain the control character U+001B");
        assertThat(refusal("{\"name\":\"a\\r\\nb\"}")).contains("U+000D; it is a single line of text");
        assertThat(refusal("{\"name\":\"a\\u0085\"}")).contains("U+0085");
        assertThat(refusal("{\"name\":\"\\ud800x\"}")).contains("name: must not contain an unpaired surrogate");
        assertThat(refusal("{\"name\":\"\\udc00\"}")).contains("unpaired surrogate");
        assertThat(refusal("{\"name\":\"\\uffff\"}")).contains("non-character U+FFFF");
        assertThat(refusal("{\"name\":\"\\ufdd0\"}")).contains("non-character U+FDD0");
        assertThat(refusal("{\"name\":\"abc\\u202egnp.exe\"}")).contains("bidirectional control U+202E");
        assertThat(refusal("{\"comment\":\"ok\\n\\u0007\"}")).contains("comment: must not contain the control character U+0007");
        assertThat(refusal("{\"tags\":[\"ok\",\"a\\u0000\"]}")).startsWith("invalid-field tags[1]:");
        assertThat(refusal("{\"inner\":{\"children\":[{\"label\":\"\\u0000\"}]}}"))
                .startsWith("invalid-field inner.children[0].label:");
        assertThat(refusal("{\"extra\":{\"a\\u0000\":1}}")).contains("extra");
    }

    @Test
    void aValueOfInvisibleCharactersIsRefusedButOrdinarySpaceIsLeftToTheService() {
        for (String invisible : new String[] {"\\u200b", "\\ufeff", "\\u00a0", "\\u2060", "\\u00ad", "\\u200c\\u200d",
                "\\u0301", "\\udb40\\udc41", "\\u3164", " \\u200b "}) {
            assertThat(refusal("{\"name\":\"" + invisible + "\"}")).as(invisible)
                    .startsWith("invalid-field name: name: must contain a visible character");
        }
        assertThat(read("{\"name\":\"   \"}").name()).isEqualTo("   ");
        assertThat(read("{\"name\":\"\\u3000\"}").name()).isEqualTo("\u3000");
        assertThat(read("{\"name\":\"\"}").name()).isEmpty();
        // invisible characters inside visible text are text (joiners in emoji, accents on letters)
        assertThat(read("{\"name\":\"e\\u0301 \\ud83d\\udc68\\u200d\\ud83d\\udc69 绿\\u00a0源\"}").name()).endsWith("绿\u00a0源");
    }

    @Test
    void overLongTextIsRefused() {
        assertThat(read("{\"name\":\"" + "长".repeat(1000) + "\"}").name()).hasSize(1000);
        assertThat(refusal("{\"name\":\"" + "长".repeat(1001) + "\"}")).contains("name: must be at most 1000 characters");
        assertThat(refusal("{\"comment\":\"" + "x".repeat(101) + "\"}")).contains("comment: must be at most 100 characters");
    }

    @Test
    void duplicateKeysAndUnknownFieldsAreRefused() {
        assertThat(refusal("{\"name\":\"a\",\"name\":\"b\"}")).startsWith("duplicate-field name: name: appears twice");
        assertThat(refusal("{\"inner\":{\"label\":\"a\",\"label\":\"b\"}}")).startsWith("duplicate-field ").contains("label");
        assertThat(refusal("{\"nmae\":\"a\"}")).startsWith("unknown-field nmae: nmae: is not a field of this request");
        assertThat(refusal("{\"inner\":{\"lable\":\"a\"}}")).startsWith("unknown-field inner.lable");
    }

    @Test
    void nothingIsCoerced() {
        assertThat(refusal("{\"active\":2}")).startsWith("invalid-field active:");
        assertThat(refusal("{\"active\":\"true\"}")).startsWith("invalid-field active:");
        assertThat(refusal("{\"count\":1.5}")).startsWith("invalid-field count:");
        assertThat(refusal("{\"count\":\"1\"}")).startsWith("invalid-field count:");
        assertThat(refusal("{\"count\":99999999999}")).startsWith("invalid-field count:");
        assertThat(refusal("{\"count\":\"\"}")).startsWith("invalid-field count:");
        assertThat(refusal("{\"name\":5}")).startsWith("invalid-field name: name: must be a string");
        assertThat(refusal("{\"name\":true}")).startsWith("invalid-field name:");
        assertThat(refusal("{\"name\":{}}")).startsWith("invalid-field name:");
        assertThat(refusal("{\"opensAt\":20240101}")).startsWith("invalid-field opensAt:");
        assertThat(refusal("{\"opensAt\":\"\"}")).startsWith("invalid-field opensAt:");
        assertThat(refusal("{\"day\":[2024,1,1]}")).startsWith("invalid-field day:");
        assertThat(refusal("{\"day\":20240101}")).startsWith("invalid-field day:");
        assertThat(refusal("{\"kind\":0}")).startsWith("invalid-field kind:");
        assertThat(refusal("{\"kind\":\"\"}")).startsWith("invalid-field kind:");
        assertThat(refusal("{\"tags\":\"x\"}")).startsWith("invalid-field tags:");
        assertThat(refusal("{\"inner\":\"\"}")).startsWith("invalid-field inner:");
        assertThat(refusal("{\"name\":\"a\"} {\"name\":\"b\"}")).as("the body as a whole is named")
                .startsWith("malformed-body body:");
    }

    @Test
    void datesHaveFourDigitYears() {
        // PostgreSQL stores times before 4713 BC as -infinity, which no zone can hold when read back
        assertThat(refusal("{\"opensAt\":\"-999999999-01-01T00:00:00Z\"}"))
                .startsWith("invalid-field opensAt: opensAt: must lie between the years 1000 and 9999");
        assertThat(refusal("{\"opensAt\":\"+10000-01-02T00:00:00+08:00\"}")).startsWith("invalid-field opensAt:");
        assertThat(refusal("{\"day\":\"0999-12-31\"}")).startsWith("invalid-field day: day: must lie between");
        assertThat(refusal("{\"day\":\"+999999999-12-31\"}")).startsWith("invalid-field day:");
        assertThat(read("{\"day\":\"1000-01-01\"}").day()).hasToString("1000-01-01");
        assertThat(read("{\"opensAt\":\"9999-12-31T23:59:59+08:00\"}").opensAt().getYear()).isEqualTo(9999);
    }

    @Test
    void numbersAreFiniteAndDecimalsPlain() {
        assertThat(refusal("{\"ratio\":1e309}")).startsWith("invalid-field ratio: ratio: must be a finite number");
        assertThat(refusal("{\"ratio\":-1e309}")).contains("finite");
        assertThat(refusal("{\"ratio\":NaN}")).startsWith("malformed-body body:");
        assertThat(refusal("{\"ratio\":\"0.5\"}")).startsWith("invalid-field ratio:");
        assertThat(refusal("{\"amount\":1e3}")).contains("amount: must be a plain decimal number");
        assertThat(refusal("{\"amount\":\"1E+3\"}")).contains("plain decimal");
        assertThat(refusal("{\"amount\":1e309}")).contains("plain decimal");
        assertThat(refusal("{\"amount\":1234567890123456.5}")).contains("at most 15 digits");
        assertThat(refusal("{\"amount\":0.1234567}")).contains("6 after");
        assertThat(refusal("{\"amount\":true}")).contains("plain decimal");
    }

    @Test
    void answersShowOnlyPrintableText() {
        assertThat(TextRule.printable("a\u0000b\u001b[31m", 64)).isEqualTo("a\\u0000b\\u001B[31m");
        assertThat(TextRule.printable("x".repeat(100), 10)).isEqualTo("xxxxxxxxxx…");
        assertThat(TextRule.printable("绿😀", 10)).isEqualTo("绿😀");
    }
}
