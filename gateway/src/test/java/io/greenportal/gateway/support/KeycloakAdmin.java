package io.greenportal.gateway.support;

import io.greenportal.platform.test.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the token tests need from Keycloak beyond the demo accounts, through its admin API with the
 * local bootstrap administrator: a client whose tokens live one second (created once, dev only),
 * and tokens from Keycloak's own admin-cli client, which carry no portal audience.
 */
public final class KeycloakAdmin {

    static final String BASE = "http://127.0.0.1:" + System.getenv().getOrDefault("GP_KC_PORT", "8180");
    static final String SHORT_LIVED = "test-short-lived";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakAdmin() {
    }

    public static String shortLivedToken(String username) {
        String admin = Tokens.foreignRealm();
        String client = """
                {"clientId":"%s","enabled":true,"publicClient":true,"directAccessGrantsEnabled":true,
                 "standardFlowEnabled":false,"attributes":{"access.token.lifespan":"1"},
                 "protocolMappers":[{"name":"aud","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"greenportal-api","access.token.claim":"true"}}]}"""
                .formatted(SHORT_LIVED);
        int created = send(HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/greenportal/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client))).statusCode();
        if (created != 201 && created != 409) {
            throw new IllegalStateException("could not create the short-lived test client: " + created);
        }
        return passwordToken(SHORT_LIVED, username);
    }

    public static String tokenFromBuiltInClient(String username) {
        return passwordToken("admin-cli", username);
    }

    private static String passwordToken(String clientId, String username) {
        var response = send(HttpRequest.newBuilder(URI.create(BASE + "/realms/greenportal/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + clientId + "&username="
                        + username + "&password=" + Tokens.PASSWORD)));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException(clientId + " gave no token: " + response.body());
        }
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
