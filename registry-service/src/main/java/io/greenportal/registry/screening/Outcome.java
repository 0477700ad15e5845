package io.greenportal.registry.screening;

/** What a portfolio row came to: one enterprise, several possible ones, or none. */
public enum Outcome {
    MATCHED, CANDIDATES, NO_MATCH
}
