package io.greenportal.platform.web;

/**
 * The page parameters of every list ({@code ?page=&size=}, answered as {items, page, size, total}):
 * {@code page} counts from 0 up to {@value #MAX_PAGE}, {@code size} is 1 to {@value #MAX_SIZE}
 * (default {@value #DEFAULT_SIZE}). The page cap bounds the rows a database skips for one request
 * (at most {@value #MAX_PAGE} x {@value #MAX_SIZE}); a client that needs more filters or exports.
 */
public record PageParameters(int page, int size) {

    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    /** The parameters, or a 400 naming the one out of range. */
    public static PageParameters check(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw ApiException.invalid("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageParameters(page, size);
    }

    /** The rows before this page. */
    public long offset() {
        return (long) page * size;
    }
}
