package io.greenportal.platform.web;

/**
 * An uploaded file's name is kept and shown again (to reviewers, in a bank's list of its jobs, in
 * Content-Disposition), so it must be a plain name: no directories, no parent references, no control
 * or reserved characters, no leading dot or surrounding spaces. A service adds its own rules (which
 * kinds of file it takes) on top.
 */
public final class UploadFileNames {

    public static final int MAX_LENGTH = 120;

    private UploadFileNames() {
    }

    /** Why this name is refused, or null when it is a plain file name. */
    public static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "the file needs a name";
        }
        if (name.indexOf('\uFFFD') >= 0) {
            // what the multipart reader makes of bytes that are not UTF-8: kept, it would misname the file for good
            return "the file name is not valid UTF-8";
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return "the file name must be at most " + MAX_LENGTH + " characters";
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.contains(":")) {
            return "the file name must not contain a path (/, \\, .. or :)";
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || "<>\"|?*".indexOf(c) >= 0)) {
            return "the file name must not contain control characters or any of < > \" | ? *";
        }
        if (name.strip().startsWith(".") || !name.strip().equals(name)) {
            return "the file name must not start with a dot or with or end in spaces";
        }
        return TextRule.problem(name, TextRule.Kind.LINE, MAX_LENGTH);
    }
}
