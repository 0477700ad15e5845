package io.greenportal.publicity.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import io.greenportal.platform.web.ApiException;
import io.greenportal.publicity.Vocabulary;

/**
 * The public filters, validated: every value is checked against what it may be (a bad one is a
 * 400 naming the parameter), and becomes a typed term clause, never query syntax.
 * Without a status filter, revoked listings are left out; suspended ones are shown with their status.
 */
public record ListingFilter(String type, String level, String region, String industry, Integer year,
        Set<String> statuses) {

    public static final Set<String> PUBLIC_STATUSES = Set.of("ACTIVE", "SUSPENDED");
    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2100;

    /** A list parameter's values as one comma list ({@code status=A,B} and {@code status=A&status=B} alike). */
    public static String joined(List<String> values) {
        return values == null ? null : String.join(",", values);
    }

    public static ListingFilter parse(String type, String level, String region, String industry, String year,
            String status) {
        return new ListingFilter(code("type", type, Vocabulary.TYPES.keySet()),
                code("level", level, Vocabulary.LEVELS.keySet()), region(region), industry(industry), year(year),
                statuses(status));
    }

    public static ListingFilter none() {
        return new ListingFilter(null, null, null, null, null, PUBLIC_STATUSES);
    }

    static String code(String field, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(code)) {
            throw ApiException.invalid(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return code;
    }

    static String region(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip();
        if (!code.matches("[1-9][0-9]{5}")) {
            throw ApiException.invalid("region", "must be a 6-digit GB/T 2260 code such as 640000 or 640100");
        }
        return code;
    }

    static String industry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-T]([0-9]{2})?")) {
            throw ApiException.invalid("industry", "must be a GB/T 4754-2017 section (C) or division (C30)");
        }
        return code;
    }

    static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        if (!digits.matches("[0-9]{4}")) {
            throw ApiException.invalid("year", "must be a year such as 2024");
        }
        int year = Integer.parseInt(digits);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ApiException.invalid("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return year;
    }

    static Set<String> statuses(String value) {
        if (value == null || value.isBlank()) {
            return PUBLIC_STATUSES;
        }
        if (value.strip().equalsIgnoreCase("ALL")) {
            return Vocabulary.STATUSES.keySet();
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String code = part.strip().toUpperCase(java.util.Locale.ROOT);
            // an empty item (ACTIVE,,REVOKED) is a mistake, as in every list parameter of the portal
            if (!Vocabulary.STATUSES.containsKey(code)) {
                throw ApiException.invalid("status", "must be ACTIVE, SUSPENDED, REVOKED (comma-separated) or ALL");
            }
            statuses.add(code);
        }
        return Set.copyOf(statuses);
    }

    /** The field a region code filters: a province or a city code includes everything under it. */
    static String regionField(String code) {
        if (code.endsWith("0000")) {
            return "provinceCode";
        }
        if (code.endsWith("00")) {
            return "cityCode";
        }
        return "regionCode";
    }

    public List<Query> clauses() {
        List<Query> clauses = new ArrayList<>();
        if (type != null) {
            clauses.add(Query.of(q -> q.term(t -> t.field("type").value(type))));
        }
        if (level != null) {
            clauses.add(Query.of(q -> q.term(t -> t.field("level").value(level))));
        }
        if (region != null) {
            clauses.add(Query.of(q -> q.term(t -> t.field(regionField(region)).value(region))));
        }
        if (industry != null) {
            clauses.add(industry.length() == 1
                    ? Query.of(q -> q.prefix(p -> p.field("industryCode").value(industry)))
                    : Query.of(q -> q.term(t -> t.field("industryCode").value(industry))));
        }
        if (year != null) {
            clauses.add(Query.of(q -> q.term(t -> t.field("year").value(year))));
        }
        if (!statuses.equals(Vocabulary.STATUSES.keySet())) {
            List<FieldValue> values = statuses.stream().sorted().map(FieldValue::of).toList();
            clauses.add(Query.of(q -> q.terms(t -> t.field("status").terms(v -> v.value(values)))));
        }
        return clauses;
    }

    public Query query() {
        List<Query> clauses = clauses();
        return Query.of(q -> q.bool(b -> b.filter(clauses)));
    }

    /** A canonical text of the filter, for cache keys and for binding cursors to their search. */
    public String key() {
        return "type=" + type + "&level=" + level + "&region=" + region + "&industry=" + industry + "&year=" + year
                + "&status=" + statuses.stream().sorted().collect(Collectors.joining(","));
    }
}
