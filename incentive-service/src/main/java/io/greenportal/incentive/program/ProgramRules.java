package io.greenportal.incentive.program;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.greenportal.incentive.Money;
import io.greenportal.incentive.grpc.RegistryClient;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;

import org.springframework.stereotype.Component;

/**
 * Checks a program definition and names every wrong field at once. Region codes are checked against
 * the registry's GB/T 2260 table (over gRPC), so eligibility and listings speak the same codes.
 */
@Component
public class ProgramRules {

    static final Set<String> TYPES = Set.of("GREEN_FACTORY", "GREEN_PARK", "GREEN_PRODUCT", "GREEN_SUPPLY_CHAIN");
    static final Set<String> LEVELS = Set.of("NATIONAL", "PROVINCIAL", "MUNICIPAL");
    static final BigDecimal MAX_SHARE = BigDecimal.ONE;

    private final RegistryClient registry;

    public ProgramRules(RegistryClient registry) {
        this.registry = registry;
    }

    public record Valid(String code, String name, ProgramKind kind, String description, Eligibility eligibility,
            AmountRule amountRule, java.time.OffsetDateTime opensAt, java.time.OffsetDateTime closesAt,
            BigDecimal budget) {
    }

    public Valid check(ProgramRequest r) {
        if (r == null) {
            throw ApiException.invalid("body", "a program is required");
        }
        List<Violation> errors = new ArrayList<>();
        String code = r.code() == null ? null : r.code().strip();
        if (code == null || code.isEmpty()) {
            errors.add(new Violation("code", "is required: 3-40 upper-case letters, digits and dashes, e.g. NX-2025-AWARD"));
        } else if (!code.matches("[A-Z0-9][A-Z0-9-]{2,39}")) {
            errors.add(new Violation("code", "must be 3-40 upper-case letters, digits and dashes (not starting with a dash), e.g. NX-2025-AWARD"));
        }
        String name = text(errors, "name", r.name(), true, 200);
        String description = text(errors, "description", r.description(), false, 4000);
        ProgramKind kind = null;
        if (r.kind() == null) {
            errors.add(new Violation("kind", "is required: AWARD, RETROFIT or DIAGNOSTICS"));
        } else {
            try {
                kind = ProgramKind.valueOf(r.kind());
            } catch (IllegalArgumentException e) {
                errors.add(new Violation("kind", "'" + r.kind() + "' is not one of AWARD, RETROFIT, DIAGNOSTICS (upper case, exactly as written)"));
            }
        }
        Eligibility eligibility = r.eligibility() == null ? new Eligibility(null, null, null, null) : r.eligibility();
        checkEligibility(errors, eligibility);
        AmountRule rule = kind == null ? null : checkRule(errors, kind, r.amountRule());
        if (r.opensAt() == null) {
            errors.add(new Violation("opensAt", "is required (ISO-8601 with offset)"));
        }
        if (r.closesAt() == null) {
            errors.add(new Violation("closesAt", "is required (ISO-8601 with offset)"));
        }
        if (r.opensAt() != null && r.closesAt() != null && !r.opensAt().isBefore(r.closesAt())) {
            errors.add(new Violation("closesAt", "must be after opensAt"));
        }
        BigDecimal budget = money(errors, "budget", r.budget());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Valid(code, name, kind, description, eligibility, rule, r.opensAt(), r.closesAt(), budget);
    }

    private void checkEligibility(List<Violation> errors, Eligibility e) {
        for (int i = 0; i < e.types().size(); i++) {
            if (e.types().get(i) == null || !TYPES.contains(e.types().get(i))) {
                errors.add(new Violation("eligibility.types[" + i + "]", "must be one of " + String.join(", ", TYPES)));
            }
        }
        for (int i = 0; i < e.levels().size(); i++) {
            if (e.levels().get(i) == null || !LEVELS.contains(e.levels().get(i))) {
                errors.add(new Violation("eligibility.levels[" + i + "]", "must be one of NATIONAL, PROVINCIAL, MUNICIPAL"));
            }
        }
        for (int i = 0; i < e.years().size(); i++) {
            Integer year = e.years().get(i);
            if (year == null || year < 2000 || year > 2100) {
                errors.add(new Violation("eligibility.years[" + i + "]", "must be a year between 2000 and 2100"));
            }
        }
        if (!e.regions().isEmpty()) {
            var regions = registry.regions();
            for (int i = 0; i < e.regions().size(); i++) {
                if (!regions.isKnown(e.regions().get(i))) {
                    errors.add(new Violation("eligibility.regions[" + i + "]",
                            "'" + e.regions().get(i) + "' is not a GB/T 2260 region code the registry knows"));
                }
            }
        }
    }

    private static AmountRule checkRule(List<Violation> errors, ProgramKind kind, AmountRule rule) {
        if (rule == null) {
            errors.add(new Violation("amountRule", "is required"));
            return null;
        }
        switch (kind) {
            case AWARD -> {
                notFor(errors, kind, "share", rule.share());
                notFor(errors, kind, "cap", rule.cap());
                notFor(errors, kind, "amount", rule.amount());
                if (rule.awards() == null || rule.awards().isEmpty()) {
                    errors.add(new Violation("amountRule.awards", "list the award per listing type and level"));
                    return rule;
                }
                Set<String> seen = new HashSet<>();
                List<AmountRule.Award> awards = new ArrayList<>();
                for (int i = 0; i < rule.awards().size(); i++) {
                    var award = rule.awards().get(i);
                    String at = "amountRule.awards[" + i + "]";
                    if (award == null) {
                        errors.add(new Violation(at, "is empty"));
                        continue;
                    }
                    if (award.type() == null || !TYPES.contains(award.type())) {
                        errors.add(new Violation(at + ".type", "must be one of " + String.join(", ", TYPES)));
                    }
                    if (award.level() == null || !LEVELS.contains(award.level())) {
                        errors.add(new Violation(at + ".level", "must be one of NATIONAL, PROVINCIAL, MUNICIPAL"));
                    }
                    if (!seen.add(award.type() + "/" + award.level())) {
                        errors.add(new Violation(at, "repeats " + award.type() + "/" + award.level()));
                    }
                    awards.add(new AmountRule.Award(award.type(), award.level(), money(errors, at + ".amount", award.amount())));
                }
                return new AmountRule(List.copyOf(awards), null, null, null);
            }
            case RETROFIT -> {
                notFor(errors, kind, "awards", rule.awards());
                notFor(errors, kind, "amount", rule.amount());
                BigDecimal share = rule.share();
                if (share == null) {
                    errors.add(new Violation("amountRule.share", "is required: a fraction of the total investment above 0 and at most 1, e.g. 0.10"));
                } else if (share.signum() <= 0 || share.compareTo(MAX_SHARE) > 0) {
                    errors.add(new Violation("amountRule.share", "must be a fraction above 0 and at most 1, e.g. 0.10, not " + share.toPlainString()));
                } else if (share.stripTrailingZeros().scale() > 4) {
                    errors.add(new Violation("amountRule.share", "may have at most four decimals"));
                }
                return new AmountRule(null, share, money(errors, "amountRule.cap", rule.cap()), null);
            }
            case DIAGNOSTICS -> {
                notFor(errors, kind, "awards", rule.awards());
                notFor(errors, kind, "share", rule.share());
                notFor(errors, kind, "cap", rule.cap());
                return new AmountRule(null, null, null, money(errors, "amountRule.amount", rule.amount()));
            }
            default -> throw new IllegalStateException();
        }
    }

    private static void notFor(List<Violation> errors, ProgramKind kind, String field, Object value) {
        if (value != null) {
            errors.add(new Violation("amountRule." + field, "does not apply to " + kind + " programs"));
        }
    }

    static BigDecimal money(List<Violation> errors, String field, BigDecimal value) {
        try {
            return Money.check(field, value);
        } catch (ApiException e) {
            errors.add(new Violation(field, e.getMessage()));
            return null;
        }
    }

    static String text(List<Violation> errors, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Violation(field, value == null ? "is required" : "must not be blank"));
            }
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max) {
            errors.add(new Violation(field, "must be at most " + max + " characters"));
        }
        return clean;
    }
}
