package io.greenportal.registry.screening;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One portfolio row's answer. {@code matchedBy} CREDIT_CODE or NAME; {@code listings} the matched
 * enterprise's listings as they stood when the job ran; {@code candidates} the enterprises the name
 * may mean, best first, with scores; {@code note} what else the bank should know (an invalid code, a
 * code the registry does not know, a name that differs from the registered one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningResult(int line, String reference, String creditCode, String name, Outcome outcome,
        String matchedBy, String uscc, String registeredName, BigDecimal score, String note,
        List<Candidate> candidates, List<ListingSummary> listings) {

    public record Candidate(String uscc, String name, BigDecimal score) {
    }

    /** {@code certificateNumberAssigned}: the list gave no number and this one is the registry's own. */
    public record ListingSummary(String id, String type, String level, String status, String statusChangedAt,
            String certificateNumber, boolean certificateNumberAssigned, int year) {
    }
}
