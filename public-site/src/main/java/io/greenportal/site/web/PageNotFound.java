package io.greenportal.site.web;

/** Nothing public answers at this address (an unknown listing or notice). */
public class PageNotFound extends RuntimeException {

    public PageNotFound(String what) {
        super(what + " not found");
    }
}
