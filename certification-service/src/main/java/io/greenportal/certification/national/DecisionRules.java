package io.greenportal.certification.national;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;

/** What a national decision must carry, and in which dossier states each kind applies. */
public final class DecisionRules {

    static final Set<String> KINDS = Set.of("ACCEPTED", "REJECTED", "REMOVED");
    /**
     * A dossier sees a handful of decisions (accepted, removed, perhaps accepted again); a version far
     * beyond was recorded and held for good, waiting for versions that never come.
     */
    static final int MAX_VERSION = 1_000;

    private DecisionRules() {
    }

    /** 400 naming every field a decision lacks or gets wrong. */
    public static void check(DecisionEvent d) {
        if (d == null) {
            throw ApiException.invalid("eventId", "send a decision");
        }
        List<Violation> violations = new ArrayList<>();
        if (d.eventId() == null || d.eventId().isEmpty() || d.eventId().length() > 128
                || !d.eventId().chars().allMatch(c -> c > 32 && c < 127)) {
            violations.add(new Violation("eventId", "is required: 1-128 printable ASCII characters"));
        }
        if (d.dossierId() == null) {
            violations.add(new Violation("dossierId", "is required"));
        }
        if (d.version() == null || d.version() < 1) {
            violations.add(new Violation("version", "is required: 1 for a dossier's first decision, then 2, 3, ..."));
        } else if (d.version() > MAX_VERSION) {
            violations.add(new Violation("version", "must be at most " + MAX_VERSION + ": a dossier is not decided that often"));
        }
        if (d.kind() == null || !KINDS.contains(d.kind())) {
            violations.add(new Violation("kind", "must be one of ACCEPTED, REJECTED, REMOVED"));
        } else {
            switch (d.kind()) {
                case "ACCEPTED" -> {
                    if (d.certificateNumber() == null || d.certificateNumber().isBlank() || d.certificateNumber().length() > 64) {
                        violations.add(new Violation("certificateNumber", "an acceptance carries the national certificate number"));
                    }
                    if (d.decidedOn() == null) {
                        violations.add(new Violation("decidedOn", "an acceptance carries its date"));
                    }
                }
                case "REMOVED" -> {
                    if (!"SUSPEND".equals(d.removal()) && !"REVOKE".equals(d.removal())) {
                        violations.add(new Violation("removal", "a removal says SUSPEND or REVOKE"));
                    }
                    requireReason(d, violations);
                }
                default -> requireReason(d, violations);
            }
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }

    private static void requireReason(DecisionEvent d, List<Violation> violations) {
        if (d.reason() == null || d.reason().isBlank() || d.reason().length() > 2000) {
            violations.add(new Violation("reason", "is required (at most 2000 characters)"));
        }
    }

    /** The dossier status a decision moves to, or null when it does not apply in {@code current}. */
    public static String next(String current, String kind) {
        return switch (kind) {
            case "ACCEPTED" -> Set.of("QUEUED", "DELIVERED", "REJECTED").contains(current) ? "ACCEPTED" : null;
            case "REJECTED" -> Set.of("QUEUED", "DELIVERED").contains(current) ? "REJECTED" : null;
            case "REMOVED" -> "ACCEPTED".equals(current) ? "REMOVED" : null;
            default -> null;
        };
    }
}
