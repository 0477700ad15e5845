package io.greenportal.registry.screening;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.greenportal.platform.creditcode.Uscc;

/**
 * The rule for one portfolio row. A valid credit code the registry knows is a match by code (its
 * name is only compared, to tell the bank when it differs). Otherwise the name decides: one clear
 * match, candidates with scores, or no match. A valid code the registry does not know, next to a
 * name that matches an enterprise under another code, is never a match: the enterprise is offered
 * as a candidate and the note says why.
 */
public final class PortfolioScreener {

    private final NameMatcher matcher;
    private final Map<String, String> currentNames;
    private final Map<String, List<ScreeningResult.ListingSummary>> listings;

    public PortfolioScreener(NameMatcher matcher, Map<String, String> currentNames,
            Map<String, List<ScreeningResult.ListingSummary>> listings) {
        this.matcher = matcher;
        this.currentNames = currentNames;
        this.listings = listings;
    }

    public ScreeningResult screen(PortfolioRow row) {
        String note = null;
        boolean codeKnownInvalid = false;
        String code = row.creditCode() == null ? null : Uscc.normalize(row.creditCode());
        if (code != null) {
            if (!Uscc.isValid(code)) {
                note = "credit code " + row.creditCode() + " is not valid (" + Uscc.problem(code) + ")";
                codeKnownInvalid = true;
            } else if (currentNames.containsKey(code)) {
                String registered = currentNames.get(code);
                if (row.name() != null && !matcher.sameEnterprise(row.name(), code)) {
                    note = "the name differs from the registered name " + registered;
                }
                return new ScreeningResult(row.line(), row.reference(), row.creditCode(), row.name(), Outcome.MATCHED,
                        "CREDIT_CODE", code, registered, BigDecimal.ONE.setScale(3), note, null,
                        listings.getOrDefault(code, List.of()));
            } else {
                note = "credit code " + code + " is not in the registry";
            }
        }
        if (row.name() == null) {
            return new ScreeningResult(row.line(), row.reference(), row.creditCode(), null, Outcome.NO_MATCH, null, null,
                    null, null, note == null ? "neither a credit code nor a name" : note, null, null);
        }
        NameMatcher.Result result = matcher.match(row.name());
        List<ScreeningResult.Candidate> candidates = result.candidates().stream()
                .map(s -> new ScreeningResult.Candidate(s.uscc(), currentNames.getOrDefault(s.uscc(), s.name()),
                        ScreeningStore.score(s.score()))).toList();
        boolean codeConflicts = code != null && !codeKnownInvalid;
        if (result.matched() != null && !codeConflicts) {
            var m = result.matched();
            return new ScreeningResult(row.line(), row.reference(), row.creditCode(), row.name(), Outcome.MATCHED, "NAME",
                    m.uscc(), currentNames.getOrDefault(m.uscc(), m.name()), ScreeningStore.score(m.score()), note,
                    candidates.size() > 1 ? candidates : null, listings.getOrDefault(m.uscc(), List.of()));
        }
        if (!candidates.isEmpty()) {
            return new ScreeningResult(row.line(), row.reference(), row.creditCode(), row.name(), Outcome.CANDIDATES, null,
                    null, null, candidates.getFirst().score(), note, candidates, null);
        }
        return new ScreeningResult(row.line(), row.reference(), row.creditCode(), row.name(), Outcome.NO_MATCH, null, null,
                null, null, note, null, null);
    }
}
