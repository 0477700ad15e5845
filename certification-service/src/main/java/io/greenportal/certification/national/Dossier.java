package io.greenportal.certification.national;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A listing recommended to the national list; its id is the dossier id the national platform knows.
 * SELECTED (round open), QUEUED, DELIVERED, REFUSED (the national platform refused the dossier for
 * good), ACCEPTED, REJECTED, REMOVED (from the national list, later).
 */
public record Dossier(UUID id, UUID roundId, int position, UUID applicationId, UUID listingId, String type, String status,
        String nationalCertificateNumber, LocalDate nationalOn, String decisionReason, int appliedVersion,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
