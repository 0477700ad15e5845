package io.greenportal.registry.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.greenportal.platform.web.ApiException;

/**
 * A list someone uploads (an import of listings, a bank's portfolio): CSV or JSON, told apart by
 * its name or type, read as UTF-8 (a byte-order mark dropped) or refused as a 400 naming the file.
 */
public final class UploadedList {

    public enum Format {
        CSV, JSON;

        public static Format of(String fileName, String contentType) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (name.endsWith(".json") || type.contains("json")) {
                return JSON;
            }
            if (name.endsWith(".csv") || type.contains("csv") || type.startsWith("text/plain")) {
                return CSV;
            }
            throw ApiException.invalid("file", "send a .csv or .json file");
        }
    }

    private UploadedList() {
    }

    /** The file as text; {@code what} names it in the refusal ("the list", "the portfolio"). */
    public static String utf8(byte[] content, String what) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("file", "is not UTF-8 text (save " + what + " as UTF-8 CSV or JSON)");
        }
    }
}
