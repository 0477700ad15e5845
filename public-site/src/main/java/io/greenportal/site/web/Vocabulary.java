package io.greenportal.site.web;

import io.greenportal.site.search.Highlight;

import org.springframework.stereotype.Component;

/** Helpers the templates call by name ({@code @vocabulary...}): names of codes, highlighted text. */
@Component("vocabulary")
public class Vocabulary {

    public String type(String code) {
        return ListingTypes.labelOf(code);
    }

    /**
     * A time as HTML's {@code <time datetime>} takes it: to the second, with its offset (the API
     * sends microseconds, which HTML does not allow).
     */
    public String iso(java.time.OffsetDateTime time) {
        return time == null ? null : BeijingTime.of(time).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A time as shown on a page: Beijing time (see {@link BeijingTime}). */
    public java.time.OffsetDateTime beijing(java.time.OffsetDateTime time) {
        return BeijingTime.of(time);
    }

    /** Safe HTML of a name with the search's matches marked. */
    public String highlighted(String highlighted, String plain) {
        return Highlight.html(highlighted, plain);
    }
}
