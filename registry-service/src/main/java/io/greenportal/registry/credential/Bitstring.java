package io.greenportal.registry.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List: bit 0 is the left-most (most significant) bit of the first byte;
 * the published form is the GZIP-compressed bitstring as multibase base64url without padding (a
 * leading {@code u}). At least 16 KiB (131,072 entries), the specification's minimum for herd privacy.
 */
public final class Bitstring {

    public static final int SIZE = 131_072;

    private final byte[] bytes;

    public Bitstring() {
        this(new byte[SIZE / 8]);
    }

    private Bitstring(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Bitstring of(byte[] bytes) {
        return new Bitstring(bytes.clone());
    }

    public int size() {
        return bytes.length * 8;
    }

    public void set(int index, boolean value) {
        check(index);
        int mask = 0x80 >>> (index % 8);
        if (value) {
            bytes[index / 8] |= (byte) mask;
        } else {
            bytes[index / 8] &= (byte) ~mask;
        }
    }

    public boolean get(int index) {
        check(index);
        return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    private void check(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("status list index " + index + " outside 0.." + (size() - 1));
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The {@code encodedList}: {@code u} + base64url(GZIP(bits)), no padding. */
    public String encode() {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Reads an {@code encodedList}; refuses anything that is not multibase base64url GZIP. */
    public static Bitstring decode(String encoded) {
        if (encoded == null || !encoded.startsWith("u")) {
            throw new IllegalArgumentException("encodedList must be multibase base64url (start with 'u')");
        }
        byte[] compressed = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (var gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            byte[] bits = gzip.readNBytes(16 * 1024 * 1024 + 1);
            if (bits.length > 16 * 1024 * 1024) {
                throw new IllegalArgumentException("encodedList expands beyond 16 MiB");
            }
            return new Bitstring(bits);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP-compressed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bitstring b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
