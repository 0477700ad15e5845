package io.greenportal.certification.evaluationbody;

import io.greenportal.platform.creditcode.Uscc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.greenportal.certification.application.ListingType;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;

/** What an administrator may write about an evaluation body; 400 naming every wrong field. */
public final class BodyRules {

    static final int MAX_TEXT = 200;
    static final int MAX_AFFILIATIONS = 100;

    private BodyRules() {
    }

    public record BodyRequest(String name, String creditCode, List<String> types, LocalDate qualifiedUntil,
            String contact, List<String> affiliations) {
    }

    /** The checked content of a body (the credit code upper-cased and stripped). */
    public record Content(String name, String creditCode, List<ListingType> types, LocalDate qualifiedUntil,
            String contact, List<String> affiliations) {
    }

    public static Content check(BodyRequest request, LocalDate today) {
        if (request == null) {
            throw ApiException.invalid("name", "send the body's name, creditCode, types, qualifiedUntil and contact");
        }
        List<Violation> violations = new ArrayList<>();
        String name = text(request.name(), "name", violations);
        String code = request.creditCode() == null ? null : Uscc.normalize(request.creditCode());
        String problem = Uscc.problem(code);
        if (problem != null) {
            violations.add(new Violation("creditCode", problem));
        }
        LinkedHashSet<ListingType> types = new LinkedHashSet<>();
        if (request.types() == null || request.types().isEmpty()) {
            violations.add(new Violation("types", "name at least one listing type the body is qualified for"));
        } else {
            for (String type : request.types()) {
                try {
                    types.add(ListingType.valueOf(String.valueOf(type).strip()));
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("types", "'" + type + "' is not one of " + List.of(ListingType.values())));
                }
            }
        }
        if (request.qualifiedUntil() == null) {
            violations.add(new Violation("qualifiedUntil", "is required (the last day of the qualification)"));
        } else if (request.qualifiedUntil().isBefore(today)) {
            violations.add(new Violation("qualifiedUntil", "has passed: the qualification must still be valid"));
        }
        String contact = text(request.contact(), "contact", violations);
        List<String> affiliations = new ArrayList<>();
        if (request.affiliations() != null) {
            if (request.affiliations().size() > MAX_AFFILIATIONS) {
                violations.add(new Violation("affiliations", "at most " + MAX_AFFILIATIONS + " affiliations"));
            } else {
                for (int i = 0; i < request.affiliations().size(); i++) {
                    String raw = request.affiliations().get(i);
                    String affiliation = raw == null ? null : Uscc.normalize(raw);
                    String wrong = Uscc.problem(affiliation);
                    if (wrong != null) {
                        violations.add(new Violation("affiliations[" + i + "]", wrong));
                    } else if (!affiliations.contains(affiliation)) {
                        affiliations.add(affiliation);
                    }
                }
            }
        }
        if (name == null) {
            violations.add(0, new Violation("name", "is required"));
        }
        if (contact == null) {
            violations.add(new Violation("contact", "is required (a person and a telephone number or address)"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new Content(name, code, List.copyOf(types), request.qualifiedUntil(), contact, List.copyOf(affiliations));
    }

    public record StatusRequest(String status, String reason) {
    }

    /** The status to move to, checked against {@code current}: 400 for a bad value or no reason, 409 for a move not allowed. */
    public static BodyStatus target(BodyStatus current, StatusRequest request) {
        if (request == null || request.status() == null || request.status().isBlank()) {
            throw ApiException.invalid("status", "is required: one of " + List.of(BodyStatus.values()));
        }
        BodyStatus to;
        try {
            to = BodyStatus.valueOf(request.status().strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "'" + request.status() + "' is not one of " + List.of(BodyStatus.values()));
        }
        reason(request.reason());
        if (!current.canMoveTo(to)) {
            throw ApiException.conflict("illegal-state", "status", "A body that is " + current + " cannot become " + to
                    + " (allowed: " + current.next().stream().map(Enum::name).sorted().toList() + ")")
                    .withProperty("currentStatus", current.name());
        }
        return to;
    }

    public static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", "is required: say why the status changes");
        }
        String trimmed = reason.strip();
        if (trimmed.length() > 2000) {
            throw ApiException.invalid("reason", "must be at most 2000 characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw ApiException.invalid("reason", "must not contain control characters");
        }
        return trimmed;
    }

    private static String text(String value, String field, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT + " characters"));
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(field, "must not contain control characters"));
        }
        return trimmed;
    }
}
