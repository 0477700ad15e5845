package io.greenportal.platform.web;

import java.util.List;

/** One page of a list, as every list answers: {items, page, size, total} (see {@link PageParameters}). */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageParameters parameters, long total) {
        return new Page<>(items, parameters.page(), parameters.size(), total);
    }
}
