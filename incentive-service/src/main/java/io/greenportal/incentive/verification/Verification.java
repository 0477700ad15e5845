package io.greenportal.incentive.verification;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a bank learns about one credit code: whether the registry knows the firm and every listing
 * it holds, each with its status and certificate number. An invalid code carries {@code error}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(String uscc, boolean valid, Boolean found, String error, EnterpriseInfo enterprise,
        List<ListingInfo> listings, OffsetDateTime validAsOf, LocalDate asOf) {

    public record EnterpriseInfo(String name, String regionCode, String regionName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListingInfo(String id, String type, String level, String status, String statusReason,
            OffsetDateTime statusChangedAt, String certificateNumber, boolean certificateNumberAssigned, int year,
            String grantedOn, String subject) {
    }

    /** The answer to a batch: one entry per code sent, in the order sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Batch(int count, int found, int notFound, int invalid, OffsetDateTime validAsOf, LocalDate asOf,
            List<Verification> results) {
    }
}
