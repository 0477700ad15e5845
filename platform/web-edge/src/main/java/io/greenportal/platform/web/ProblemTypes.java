package io.greenportal.platform.web;

import org.springframework.http.HttpStatusCode;

/** The problem {@code type} slug for a status when nothing more specific is known. */
final class ProblemTypes {

    private ProblemTypes() {
    }

    static String slug(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 417 -> "expectation-failed";
            case 429 -> "too-many-requests";
            case 431 -> "headers-too-large";
            case 501 -> "not-implemented";
            case 503 -> "unavailable";
            case 505 -> "http-version-not-supported";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
    }
}
