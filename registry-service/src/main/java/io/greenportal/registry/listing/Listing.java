package io.greenportal.registry.listing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.greenportal.platform.web.Times;

/**
 * A green designation held by an enterprise. {@code asOf} is set when the listing is shown as it
 * stood on a past day. This record is also the snapshot stored with every change-log entry.
 * {@code certificateNumberAssigned}: the list the listing came from gave no number, so the registry
 * assigned this one (平台编号); it is nobody's certificate number. The workflow's own grants carry the
 * province's certificate numbers, which the registry issues for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Listing(UUID id, ListingType type, Level level, EnterpriseRef enterprise, Subject subject, int year,
        String batch, String certificateNumber, boolean certificateNumberAssigned, List<Indicator> indicators, ListingStatus status,
        String statusReason, OffsetDateTime statusChangedAt, String statusChangedBy, LocalDate grantedOn,
        OffsetDateTime createdAt, String source, String sourceRef, LocalDate asOf) {

    public Listing withStatus(ListingStatus newStatus, String reason, OffsetDateTime at, String actor) {
        return new Listing(id, type, level, enterprise, subject, year, batch, certificateNumber, certificateNumberAssigned, indicators, newStatus,
                reason, at, actor, grantedOn, createdAt, source, sourceRef, asOf);
    }

    public Listing withEnterprise(EnterpriseRef newEnterprise) {
        return new Listing(id, type, level, newEnterprise, subject, year, batch, certificateNumber, certificateNumberAssigned, indicators, status,
                statusReason, statusChangedAt, statusChangedBy, grantedOn, createdAt, source, sourceRef, asOf);
    }

    /**
     * The listing as it stood on {@code day}. {@code createdAt} is when the registry recorded it (an
     * import of an old list records it years after it took effect), so it is left out when that
     * came after the day: an answer about a day carries no time after it.
     */
    public Listing asOf(LocalDate day) {
        OffsetDateTime recorded = createdAt != null && createdAt.isBefore(Times.endOf(day)) ? createdAt : null;
        return new Listing(id, type, level, enterprise, subject, year, batch, certificateNumber, certificateNumberAssigned, indicators, status,
                statusReason, statusChangedAt, statusChangedBy, grantedOn, recorded, source, sourceRef, day);
    }
}
