package io.greenportal.site.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * CSRF protection without server state (the site keeps none): the form carries a random token
 * that is also in a cookie; a post counts only when both are present and equal. Another site can
 * make a browser post the form but can neither read nor set this cookie (SameSite=Strict,
 * HttpOnly, host-only). A post the browser marks as cross-site ({@code Sec-Fetch-Site}) is refused
 * outright. Over HTTPS the cookie is {@value #SECURE_COOKIE}: browsers take a {@code __Host-} cookie
 * only when it is Secure, host-only and for the whole site, so a sibling sub-domain or a plain-HTTP
 * answer cannot plant a token of its choosing, and over HTTPS no other cookie is accepted.
 */
@Component
public class DoubleSubmitCsrf {

    public static final String COOKIE = "gp_site_csrf";
    public static final String SECURE_COOKIE = "__Host-gp_site_csrf";
    public static final String FIELD = "_csrf";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The visitor's token (a new one, set as a cookie, when there is none yet). */
    public String token(HttpServletRequest request, HttpServletResponse response) {
        String existing = cookie(request);
        if (existing != null) {
            return existing;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        boolean secure = secure(request);
        ResponseCookie cookie = ResponseCookie.from(secure ? SECURE_COOKIE : COOKIE, token).path(secure ? "/" : "/publicity")
                .httpOnly(true).secure(secure).sameSite("Strict").maxAge(java.time.Duration.ofHours(12)).build();
        response.addHeader("Set-Cookie", cookie.toString());
        return token;
    }

    public boolean valid(HttpServletRequest request) {
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return false;
        }
        String cookie = cookie(request);
        String field = request.getParameter(FIELD);
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        String name = secure(request) ? SECURE_COOKIE : COOKIE;
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && TOKEN.matcher(cookie.getValue()).matches()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    /** HTTPS at the visitor's end: here, or at the gateway or ingress that says so. */
    private static boolean secure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }
}
