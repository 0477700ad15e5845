package io.greenportal.publicity.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens from the portal's Keycloak: demo users through the dev-only portal-cli client
 * (password grant), machine clients through client credentials. Cached until shortly before expiry.
 */
public final class Tokens {

    public static final String PASSWORD = "greenportal-dev";
    private static final String ISSUER = System.getenv().getOrDefault("GP_ISSUER_URI",
            "http://127.0.0.1:" + System.getenv().getOrDefault("GP_KC_PORT", "8180") + "/realms/greenportal");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    private Tokens() {
    }

    /** A demo user's token, e.g. {@code user("admin")}. */
    public static String user(String username) {
        return cached("user:" + username, "grant_type=password&client_id=portal-cli&username=" + username
                + "&password=" + PASSWORD);
    }

    /** A machine client's token, e.g. {@code client("certification-service")}. */
    public static String client(String clientId) {
        return cached("client:" + clientId, "grant_type=client_credentials&client_id=" + clientId + "&client_secret="
                + clientId + "-dev-secret");
    }

    /** A token of another realm (master), for negative tests. */
    public static String foreign() {
        return cached("foreign", "grant_type=password&client_id=admin-cli&username=admin&password=admin",
                ISSUER.replace("/realms/greenportal", "/realms/master"));
    }

    private static String cached(String key, String form) {
        return cached(key, form, ISSUER);
    }

    private static String cached(String key, String form, String issuer) {
        Token token = CACHE.get(key);
        if (token == null || token.expires().isBefore(Instant.now().plusSeconds(30))) {
            token = fetch(form, issuer);
            CACHE.put(key, token);
        }
        return token.value();
    }

    private static Token fetch(String form, String issuer) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            Matcher expires = EXPIRES_IN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find() || !expires.find()) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body() + " — is the portal's Keycloak running? (./portal infra)");
            }
            return new Token(token.group(1), Instant.now().plusSeconds(Long.parseLong(expires.group(1))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + issuer + ": start it with ./portal infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
