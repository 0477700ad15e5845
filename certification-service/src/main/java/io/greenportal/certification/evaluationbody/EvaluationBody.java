package io.greenportal.certification.evaluationbody;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.ListingType;

/**
 * A third-party evaluation body (第三方评价机构): the listing types it is qualified for until
 * {@code qualifiedUntil}, the enterprises it declared itself affiliated with, and its status.
 */
public record EvaluationBody(UUID id, String name, String creditCode, List<ListingType> types, LocalDate qualifiedUntil,
        String contact, List<String> affiliations, BodyStatus status, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** May this body evaluate an application of {@code type} on {@code day}? (Status aside.) */
    public boolean qualifiedFor(ListingType type, LocalDate day) {
        return types.contains(type) && !day.isAfter(qualifiedUntil);
    }

    /**
     * Why this body may not evaluate the enterprise {@code uscc}, or null: itself, an enterprise sharing
     * its credit code, or one it declared an affiliation with.
     */
    public String conflictWith(String uscc) {
        if (creditCode.equals(uscc)) {
            return "a body cannot evaluate itself or an enterprise sharing its credit code";
        }
        if (affiliations.contains(uscc)) {
            return "the body declared an affiliation with this enterprise";
        }
        return null;
    }
}
