package io.greenportal.incentive.bank;

/** A bank that takes part in green credit, verification and webhooks; {@code id} is its token's bank_id. */
public record Bank(String id, String name, boolean active) {
}
