package io.greenportal.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * What a 400 says about a request body Jackson refused: the field's path ({@code indicators[0].value}),
 * and why in words (the {@link StrictJson} and {@link TextRule} reasons, "is not a known field", "appears
 * twice"); never the parser's own message (it quotes Java types and source excerpts).
 */
public record BodyProblem(String type, String field, String detail) {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:Object )?(?:property|field) \"([^\"]{0,200})\"");

    public static BodyProblem of(Throwable cause) {
        if (!(cause instanceof JacksonException e)) {
            return new BodyProblem("malformed-body", "body", "The request body is missing or is not JSON");
        }
        String path = path(e);
        if (e instanceof StreamReadException && e.getOriginalMessage() != null) {
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            if (duplicate.find()) {
                String field = join(path, TextRule.printable(duplicate.group(1), 64));
                return new BodyProblem("duplicate-field", field, field + ": appears twice; send each field once");
            }
        }
        if (e instanceof PropertyBindingException unknown) {
            String field = path != null ? path : TextRule.printable(unknown.getPropertyName(), 64);
            return new BodyProblem("unknown-field", field, field + ": is not a field of this request"
                    + (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty() ? ""
                    : " (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + ")"));
        }
        if (path == null) {
            return new BodyProblem("malformed-body", "body", "The request body is not valid JSON of the expected shape");
        }
        if (e instanceof RefusedValue refused) {
            return new BodyProblem("invalid-field", path, path + ": " + refused.reason());
        }
        if (e instanceof InputCoercionException) {
            return new BodyProblem("invalid-field", path, path + ": is out of range for a whole number");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String expected = InputTypes.expected(mismatch.getTargetType());
            return new BodyProblem("invalid-field", path, path + ": " + (expected == null ? "has the wrong type or format"
                    : expected));
        }
        return new BodyProblem("invalid-field", path, "The value of " + path + " has the wrong type or format");
    }

    /** e.g. {@code indicators[0].value}; null for the body as a whole. */
    static String path(JacksonException e) {
        if (e.getPath().isEmpty()) {
            return null;
        }
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? TextRule.printable(ref.getPropertyName(), 64)
                        : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? null : path;
    }

    private static String join(String path, String name) {
        return path == null ? name : path + "." + name;
    }
}
