package io.greenportal.site.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class VerificationCodeTest {

    static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\d+z");

    /** Draws the SVG path back into pixels (4 per module) and reads it with ZXing's QR reader. */
    static String read(VerificationCode code) throws Exception {
        int scale = 4;
        int side = code.size() * scale;
        int[] pixels = new int[side * side];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        var runs = RUN.matcher(code.path());
        while (runs.find()) {
            int x = Integer.parseInt(runs.group(1));
            int y = Integer.parseInt(runs.group(2));
            int length = Integer.parseInt(runs.group(3));
            for (int px = x * scale; px < (x + length) * scale; px++) {
                for (int py = y * scale; py < (y + 1) * scale; py++) {
                    pixels[py * side + px] = 0xFF000000;
                }
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    @Test
    void theDrawnCodeReadsBackAsTheListingsAddress() throws Exception {
        String url = "https://portal.example.gov.cn/listings/5f0c2a8e-1b7d-4c3e-9a6f-2d8e4b1c7a90";
        VerificationCode code = VerificationCode.of(url);
        assertThat(code.size()).isBetween(25, 50);
        assertThat(code.path()).matches("(M\\d+,\\d+h\\d+v1h-\\d+z)+");
        assertThat(read(code)).isEqualTo(url);
    }
}
