package io.greenportal.incentive.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.incentive.Money;

/**
 * How much a program proposes for an application. Which fields apply depends on the kind:
 * AWARD {@code awards} (type × level → amount), RETROFIT {@code share} of the total investment up to
 * {@code cap}, DIAGNOSTICS a fixed {@code amount}. Reviewers may approve up to the proposed amount.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmountRule(List<Award> awards, BigDecimal share, BigDecimal cap, BigDecimal amount) {

    public record Award(String type, String level, BigDecimal amount) {
    }

    public Optional<Award> awardFor(Listing listing) {
        if (awards == null) {
            return Optional.empty();
        }
        return awards.stream().filter(a -> a.type().equals(listing.getType().name())
                && a.level().equals(listing.getLevel().name())).findFirst();
    }

    /**
     * The amount the rule allows. RETROFIT: min(investment × share, cap), rounded down to the fen,
     * so the rule never proposes a fen more than it allows.
     */
    public BigDecimal propose(ProgramKind kind, Listing listing, BigDecimal totalInvestment) {
        return switch (kind) {
            case AWARD -> awardFor(listing).map(Award::amount).map(Money::of)
                    .orElseThrow(() -> new IllegalStateException("no award for " + listing.getType() + "/" + listing.getLevel()));
            case RETROFIT -> Money.floor(totalInvestment.multiply(share).min(cap));
            case DIAGNOSTICS -> Money.of(amount);
        };
    }
}
