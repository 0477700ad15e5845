package io.greenportal.registry.credential;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a presented credential passed and failed: {@code valid} only when every check passed;
 * {@code reasons} says why not, one line per failed check; {@code credential} is the payload when
 * its signature is the issuer's (also when it is expired or revoked, so a person sees what it said),
 * and absent otherwise: the portal never repeats what a forged credential claims.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean valid, List<Check> checks, List<String> reasons, Map<String, Object> credential) {

    /** One check: {@code format}, {@code signature}, {@code issuer}, {@code validity} or {@code status}. */
    public record Check(String name, boolean passed, String detail) {
    }
}
