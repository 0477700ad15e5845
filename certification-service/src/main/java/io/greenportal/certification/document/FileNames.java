package io.greenportal.certification.document;

/**
 * Upload file names are shown to reviewers and sent back in Content-Disposition, so they must be a
 * plain name: no directories, no parent references, no control or reserved characters.
 */
final class FileNames {

    static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    /** Why this name is refused, or null when it is a plain PDF file name. */
    static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "the file needs a name";
        }
        if (name.length() > MAX_LENGTH) {
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
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            return "the file name must end in .pdf";
        }
        return null;
    }
}
