package io.greenportal.site.listing;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code (ZXing) that leads to a listing's page on this portal, where anyone checks the
 * certificate against the registry: its status is the registry's, updated when it is suspended or
 * revoked. Drawn as an SVG path (one sub-path per run of dark modules), so the page needs no image
 * request and no script.
 *
 * @param url  what the code holds
 * @param size modules per side, the quiet zone included
 * @param path the SVG path of the dark modules, in module units
 */
public record VerificationCode(String url, int size, String path) {

    static final int QUIET_ZONE = 2;

    public static VerificationCode of(String url) {
        BitMatrix matrix = matrix(url);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            int x = 0;
            while (x < matrix.getWidth()) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < matrix.getWidth() && matrix.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(',').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        return new VerificationCode(url, matrix.getWidth(), path.toString());
    }

    static BitMatrix matrix(String url) {
        try {
            // error correction M: a printed code survives a smudge; the margin is the quiet zone
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + url + " as a QR code", e);
        }
    }
}
