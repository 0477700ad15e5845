package io.greenportal.site.web;

import io.greenportal.site.search.Highlight;

import org.springframework.stereotype.Component;

/** Helpers the templates call by name ({@code @vocabulary...}): names of codes, highlighted text. */
@Component("vocabulary")
public class Vocabulary {

    public String type(String code) {
        return ListingTypes.labelOf(code);
    }

    /** Safe HTML of a name with the search's matches marked. */
    public String highlighted(String highlighted, String plain) {
        return Highlight.html(highlighted, plain);
    }
}
