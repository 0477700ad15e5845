package io.greenportal.platform.web;

import org.springframework.web.multipart.MultipartRequest;

/** The file parts of an upload: one is taken, so a request holding more is refused rather than half read. */
public final class UploadParts {

    private UploadParts() {
    }

    /** A 400 naming the part when the request holds it more than once. */
    public static void requireOne(MultipartRequest request, String part) {
        int count = request.getFiles(part).size();
        if (count > 1) {
            throw ApiException.invalid(part, "send one file (the request holds " + count + ")");
        }
    }
}
