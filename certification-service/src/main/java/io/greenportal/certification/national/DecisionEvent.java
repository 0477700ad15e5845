package io.greenportal.certification.national;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision of the national platform on a dossier, as its callback sends it and its decision list
 * answers a poll (docs/national-platform.openapi.yaml): numbered per dossier ({@code version} 1, 2, ...),
 * identified by {@code eventId}. ACCEPTED carries the national certificate number and date, REJECTED
 * and REMOVED a reason, REMOVED whether the provincial record is suspended or revoked.
 */
public record DecisionEvent(String eventId, UUID dossierId, Integer version, String kind, String certificateNumber,
        LocalDate decidedOn, String reason, String removal) {
}
