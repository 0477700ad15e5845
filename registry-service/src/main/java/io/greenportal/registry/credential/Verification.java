package io.greenportal.registry.credential;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a presented credential passed and failed: {@code valid} only when every check passed;
 * {@code reasons} says why not, one line per failed check; {@code credential} is the payload when
 * it could be read (also when it failed, so a person sees what was claimed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(boolean valid, List<Check> checks, List<String> reasons, Map<String, Object> credential) {

    /** One check: {@code format}, {@code signature}, {@code issuer}, {@code validity} or {@code status}. */
    public record Check(String name, boolean passed, String detail) {
    }
}
