package io.greenportal.incentive.subsidy;

import java.math.BigDecimal;
import java.util.UUID;
import io.greenportal.platform.web.FreeText;

/**
 * An enterprise applies to a program with one of its listings; a RETROFIT application also names
 * its project and the project's total investment (CNY), from which the amount is proposed.
 */
public record ApplicationRequest(UUID programId, UUID listingId, ProjectInput project) {

    public record ProjectInput(String name, @FreeText String content, BigDecimal totalInvestment) {
    }
}
