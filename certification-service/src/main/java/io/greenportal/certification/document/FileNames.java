package io.greenportal.certification.document;

import io.greenportal.platform.web.UploadFileNames;

/**
 * Upload file names: a plain name ({@link UploadFileNames}), and a PDF.
 */
final class FileNames {

    private FileNames() {
    }

    /** Why this name is refused, or null when it is a plain PDF file name. */
    static String problem(String name) {
        String problem = UploadFileNames.problem(name);
        if (problem != null) {
            return problem;
        }
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            return "the file name must end in .pdf";
        }
        return null;
    }
}
