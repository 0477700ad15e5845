package io.greenportal.platform.test;

import java.io.IOException;
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
 * Real access tokens from the portal's Keycloak ({@code GP_ISSUER_URI}, else 127.0.0.1:8180): demo
 * users through the dev-only portal-cli client (password grant), machine clients through client
 * credentials. Each token is cached until shortly before it expires; concurrent tests asking for the
 * same one wait for a single request to Keycloak.
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

        boolean fresh() {
            return expires.isAfter(Instant.now().plusSeconds(30));
        }
    }

    private Tokens() {
    }

    /** A demo user's token, e.g. {@code user("ent-a")}. */
    public static String user(String username) {
        return cached("user:" + username, ISSUER, "grant_type=password&client_id=portal-cli&username=" + username
                + "&password=" + PASSWORD);
    }

    /** A machine client's token, e.g. {@code client("bank-a")} or {@code client("incentive-service")}. */
    public static String client(String clientId) {
        return cached("client:" + clientId, ISSUER, "grant_type=client_credentials&client_id=" + clientId
                + "&client_secret=" + clientId + "-dev-secret");
    }

    /** A valid token of another realm on the same Keycloak (master, admin-cli): a service must refuse it. */
    public static String foreignRealm() {
        String master = ISSUER.substring(0, ISSUER.lastIndexOf('/')) + "/master";
        return cached("foreign", master, "grant_type=password&client_id=admin-cli&username="
                + System.getenv().getOrDefault("GP_KC_ADMIN", "admin") + "&password="
                + System.getenv().getOrDefault("GP_KC_ADMIN_PASSWORD", "admin"));
    }

    private static String cached(String key, String issuer, String form) {
        return CACHE.compute(key, (k, token) -> token != null && token.fresh() ? token : fetch(issuer, form)).value();
    }

    private static Token fetch(String issuer, String form) {
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
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + issuer + ": start it with ./portal infra", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
