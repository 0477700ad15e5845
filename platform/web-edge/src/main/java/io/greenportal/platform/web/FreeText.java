package io.greenportal.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string field of a request body as free text under the portal's {@link TextRule}: tab, line
 * feed and carriage return are allowed (other control characters never), up to {@link #max()}
 * characters. Every string not marked is a single line of at most {@value TextRule#LINE_MAX}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {

    /** The most characters (code points) the field accepts. */
    int max() default TextRule.FREE_TEXT_MAX;
}
