package io.greenportal.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string field of a request body as a single line longer than {@value TextRule#LINE_MAX}
 * characters may be, such as a presented credential (a compact JWS of about two kilobytes): the
 * {@link TextRule} for lines holds, only the length is the field's own (at most
 * {@value TextRule#FREE_TEXT_MAX}, the longest any field takes).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface LongLine {

    /** The most characters (code points) the field accepts, at most {@value TextRule#FREE_TEXT_MAX}. */
    int max();
}
