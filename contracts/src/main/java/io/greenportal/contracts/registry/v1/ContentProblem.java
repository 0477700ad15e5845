package io.greenportal.contracts.registry.v1;

/** A refusal of part of a listing's content, naming the field ({@code indicators[2].unit}, {@code subject.parkName}). */
public record ContentProblem(String field, String message) {
}
