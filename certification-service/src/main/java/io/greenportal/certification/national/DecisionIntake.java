package io.greenportal.certification.national;

/**
 * Where the national platform's decisions enter, whichever way they came: its callback, or our poll of
 * its decision list. Both end here, so a decision that arrives both ways, twice, or before an earlier
 * one is applied exactly once and in order.
 */
public interface DecisionIntake {

    enum Result {
        /** applied now (with any later decisions it unblocked) */
        APPLIED,
        /** kept until the decisions before it arrive */
        HELD,
        /** received before: nothing changed */
        DUPLICATE
    }

    Result receive(DecisionEvent decision, String source);
}
