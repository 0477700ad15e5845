package io.greenportal.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body is UTF-8 (RFC 8259), strictly: Jackson's own decoder reads an overlong sequence such as
 * {@code C0 AE} as {@code .}, which would let a body slip past any byte-level filter in front of the
 * service. A body that is not UTF-8 is a 400 naming the body; one declared in another charset is a
 * 415. Nothing is read twice: the checked bytes are what the application then reads.
 */
public class Utf8JsonBodies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType type = jsonType(request.getContentType());
        if (type == null) {
            chain.doFilter(request, response);
            return;
        }
        if (type.getCharset() != null && !type.getCharset().equals(StandardCharsets.UTF_8)) {
            Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Content-Type",
                    "JSON is UTF-8: send charset=utf-8 or no charset, not " + type.getCharset().name());
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "invalid-encoding", "body",
                    "The body is not UTF-8 text (an overlong, truncated or surrogate byte sequence)");
            return;
        }
        chain.doFilter(new CheckedBody(request, body), response);
    }

    /** The JSON media type of a body, or null for none or another type (or one that cannot be read). */
    static MediaType jsonType(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            boolean json = type.getSubtype().toLowerCase(Locale.ROOT).equals("json")
                    || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
            return json ? type : null;
        } catch (RuntimeException e) {
            return null; // an unreadable Content-Type is the converters' 415
        }
    }

    private static final class CheckedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CheckedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
