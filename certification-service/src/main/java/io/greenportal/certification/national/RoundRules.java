package io.greenportal.certification.national;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.application.ListingType;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;

/** What a recommendation round needs, and what a selection may hold. */
public final class RoundRules {

    private RoundRules() {
    }

    public record RoundRequest(String name, OffsetDateTime deadline, Map<String, Integer> quotas) {
    }

    public record Checked(String name, OffsetDateTime deadline, Map<String, Integer> quotas) {
    }

    public static Checked check(RoundRequest request, OffsetDateTime now) {
        if (request == null) {
            throw ApiException.invalid("name", "send name, deadline and quotas");
        }
        List<Violation> violations = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("name", "is required: at most 100 characters"));
        }
        if (request.deadline() == null || !request.deadline().isAfter(now)) {
            violations.add(new Violation("deadline", "is required and must be in the future"));
        }
        Map<String, Integer> quotas = new LinkedHashMap<>();
        if (request.quotas() == null || request.quotas().isEmpty()) {
            violations.add(new Violation("quotas", "give the quota of at least one listing type, e.g. {\"GREEN_FACTORY\": 5}"));
        } else {
            request.quotas().forEach((type, quota) -> {
                try {
                    ListingType.valueOf(type);
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("quotas." + type, "is not a listing type " + List.of(ListingType.values())));
                    return;
                }
                if (quota == null || quota < 1 || quota > 1000) {
                    violations.add(new Violation("quotas." + type, "must be a whole number from 1 to 1000"));
                } else {
                    quotas.put(type, quota);
                }
            });
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new Checked(name, request.deadline(), Map.copyOf(quotas));
    }

    public record SelectionRequest(List<UUID> applicationIds) {
    }

    /** The ordered, distinct ids of a selection (400 for none, a repeat or more than 1000). */
    public static List<UUID> ordered(SelectionRequest request) {
        if (request == null || request.applicationIds() == null) {
            throw ApiException.invalid("applicationIds", "list the approved applications to recommend, in order");
        }
        if (request.applicationIds().size() > 1000) {
            throw ApiException.invalid("applicationIds", "at most 1000 per round");
        }
        var distinct = new LinkedHashSet<UUID>();
        for (UUID id : request.applicationIds()) {
            if (id == null || !distinct.add(id)) {
                throw ApiException.invalid("applicationIds", "each application once: " + id + " repeats or is empty");
            }
        }
        return List.copyOf(distinct);
    }

    /** 400 naming each type whose quota the selection exceeds, or that the round takes none of. */
    public static void withinQuotas(List<String> types, Map<String, Integer> quotas) {
        Map<String, Integer> counts = new HashMap<>();
        types.forEach(t -> counts.merge(t, 1, Integer::sum));
        List<Violation> violations = new ArrayList<>();
        counts.forEach((type, count) -> {
            Integer quota = quotas.get(type);
            if (quota == null) {
                violations.add(new Violation("applicationIds", "the round takes no " + type));
            } else if (count > quota) {
                violations.add(new Violation("applicationIds", count + " " + type + " selected, the quota is " + quota));
            }
        });
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }
}
