package io.greenportal.certification.evaluationbody;

import java.util.Map;
import java.util.Set;

/** Where an evaluation body stands. Only an ACTIVE body may be named, confirm engagements or report. */
public enum BodyStatus {
    ACTIVE, SUSPENDED, SANCTIONED;

    private static final Map<BodyStatus, Set<BodyStatus>> NEXT = Map.of(
            ACTIVE, Set.of(SUSPENDED, SANCTIONED),
            SUSPENDED, Set.of(ACTIVE, SANCTIONED),
            // a sanction is lifted only by an administrator's decision, with its reason recorded
            SANCTIONED, Set.of(ACTIVE));

    public boolean canMoveTo(BodyStatus to) {
        return NEXT.get(this).contains(to);
    }

    public Set<BodyStatus> next() {
        return NEXT.get(this);
    }
}
