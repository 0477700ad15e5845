package io.greenportal.platform.web;

/**
 * The portal's one rule for text a client sends, in every string of every request: JSON bodies,
 * query and path parameters, multipart part and file names, CSV cells, gRPC messages. A value that
 * breaks it is refused (400 naming the field), never cleaned: a stored value is exactly what was sent.
 *
 * <ul>
 * <li>never: NUL and every other C0 control character (U+0000-U+001F) and DEL (U+007F), C1 controls
 * (U+0080-U+009F), unpaired surrogates (not text: they cannot be encoded as UTF-8), and
 * non-characters (U+FDD0-U+FDEF and every code point ending in FFFE/FFFF); nor a value made only of
 * invisible characters (zero-width spaces and joiners, no-break spaces, soft hyphens, lone accents:
 * it would pass for a name while showing nothing), though a value of ordinary white space is left to
 * the service (usually "is required");</li>
 * <li>in a {@link Kind#LINE line} (names, codes, addresses, search terms: everything unless marked
 * otherwise) also no bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069: they make a
 * republished name read differently from what is stored), at most {@value #LINE_MAX} characters;</li>
 * <li>in {@link Kind#FREE_TEXT free text} (comments, reasons, remarks, descriptions, objection
 * texts: fields marked {@link FreeText}) tab, line feed and carriage return are allowed, at most
 * {@value #FREE_TEXT_MAX} characters unless the field says less.</li>
 * </ul>
 * Services keep their own, tighter limits (a name's length, a code's pattern) in their rules.
 */
public final class TextRule {

    /** The longest single-line value anything accepts; a service's own rule is usually tighter. */
    public static final int LINE_MAX = 1_000;
    /** The longest free text anything accepts unless the field says less ({@link FreeText#max()}). */
    public static final int FREE_TEXT_MAX = 4_000;

    public enum Kind {
        LINE, FREE_TEXT
    }

    private TextRule() {
    }

    /** Why {@code value} breaks the rule, in words for a 400; null when it does not (or is null). */
    public static String problem(String value, Kind kind, int max) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            return "must be at most " + max + " characters (got " + length + ")";
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return "must not contain the non-character " + codePoint(cp);
                    }
                    visible = visible || isVisible(cp);
                    continue;
                }
                return "must not contain an unpaired surrogate (" + codePoint(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired surrogate (" + codePoint(c) + ")";
            }
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
                if (kind == Kind.FREE_TEXT && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return (c == 0 ? "must not contain NUL (U+0000)"
                        : "must not contain the control character " + codePoint(c))
                        + (kind == Kind.LINE ? "; it is a single line of text" : "");
            }
            if ((c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF) {
                return "must not contain the non-character " + codePoint(c);
            }
            if (kind == Kind.LINE && ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))) {
                return "must not contain the bidirectional control " + codePoint(c);
            }
            visible = visible || isVisible(c);
        }
        if (!visible && !value.isBlank()) {
            // blank values are each service's business ("is required", or simply absent); a value of
            // zero-width spaces, joiners, no-break spaces or a lone accent looks blank to a person
            // but passed every "is required" check as text
            return "must contain a visible character, not only invisible ones such as "
                    + codePoint(value.codePoints().filter(cp -> !Character.isWhitespace(cp)).findFirst().orElse(0));
        }
        return null;
    }

    /**
     * True when {@code value} has characters but none that shows (white space, zero-width and other
     * format characters, marks alone): what a file's cell holds when a spreadsheet left a no-break
     * space in it. Parsers of files treat such a cell as empty; the rule above refuses it in a field.
     */
    public static boolean showsNothing(String value) {
        return value != null && !value.isEmpty() && value.codePoints().noneMatch(TextRule::isVisible);
    }

    /** A character that shows as something on its own: not a space, control, format character or mark. */
    private static boolean isVisible(int cp) {
        if (cp > 0x20 && cp < 0x7F) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK -> false;
            // letters and symbols that render as nothing: Hangul fillers, the blank Braille pattern
            default -> cp != 0x115F && cp != 0x1160 && cp != 0x3164 && cp != 0xFFA0 && cp != 0x2800;
        };
    }

    public static String problem(String value, Kind kind) {
        return problem(value, kind, kind == Kind.LINE ? LINE_MAX : FREE_TEXT_MAX);
    }

    /** Returns {@code value} when it keeps the rule; otherwise refuses it, naming {@code field}. */
    public static String check(String field, String value, Kind kind) {
        String problem = problem(value, kind);
        if (problem != null) {
            throw ApiException.invalid(field, problem);
        }
        return value;
    }

    /** A single-line value, see {@link #check(String, String, Kind)}. */
    public static String line(String field, String value) {
        return check(field, value, Kind.LINE);
    }

    /**
     * {@code text} as it may appear in an answer (a field name, an echoed value): control and other
     * invisible characters shown as {@code \\uXXXX}, cut to {@code max} characters.
     */
    public static String printable(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            boolean unsafe = c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c)
                    || (c >= 0xFDD0 && c <= 0xFDEF) || c >= 0xFFFE || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069);
            if (unsafe && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
                if (Character.isHighSurrogate(c)) {
                    out.append(text.charAt(++i));
                }
            }
        }
        return out.length() >= max && text.length() > max ? out.substring(0, max) + "…" : out.toString();
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
