package io.greenportal.site.api;

import java.time.OffsetDateTime;

/** The certification service's receipt for a filed objection. */
public record ObjectionReceipt(String id, String applicationId, String status, OffsetDateTime filedAt) {
}
