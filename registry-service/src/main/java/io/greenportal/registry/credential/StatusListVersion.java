package io.greenportal.registry.credential;

import java.time.OffsetDateTime;

/** One published version of a status list: its bits and the signed credential that carries them. */
public record StatusListVersion(StatusPurpose purpose, int version, Bitstring bits, String credential,
        OffsetDateTime issuedAt) {

    /** A strong ETag: a version never changes. */
    public String etag() {
        return "\"" + purpose.value() + "-" + version + "\"";
    }
}
