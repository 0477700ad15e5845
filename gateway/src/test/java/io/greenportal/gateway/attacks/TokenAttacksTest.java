package io.greenportal.gateway.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.greenportal.gateway.support.KeycloakAdmin;
import io.greenportal.gateway.support.PortalClient;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.Test;

/**
 * Tokens that must not work, sent through the running gateway and straight to a service (which
 * checks every token itself): forged or hand-edited claims, "alg: none", another realm, another
 * client of the same realm (no portal audience), and an expired one.
 */
class TokenAttacksTest {

    static final String PROTECTED = "/api/v1/registry/listings?size=1";
    static final String REGISTRY_DIRECT = "http://127.0.0.1:" + System.getenv().getOrDefault("GP_REGISTRY_PORT", "8081");

    final PortalClient gateway = new PortalClient();
    final PortalClient registry = new PortalClient(REGISTRY_DIRECT);

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** ent-a's real token with "admin" added to its roles and the original signature kept. */
    static String withRoleAddedByHand(String token) {
        String[] parts = token.split("\\.");
        String claims = payload(token).replace("\"roles\":[", "\"roles\":[\"admin\",");
        return parts[0] + "." + b64(claims) + "." + parts[2];
    }

    int status(PortalClient via, String token) {
        return via.sendWithToken(token, "GET", PROTECTED).statusCode();
    }

    @Test
    void aGenuineTokenWorksBothWays() {
        assertThat(status(gateway, Tokens.user("ent-a"))).isEqualTo(200);
        assertThat(status(registry, Tokens.user("ent-a"))).isEqualTo(200);
    }

    @Test
    void handAddedRoleClaimsAndUnsignedTokensAreRefused() {
        String edited = withRoleAddedByHand(Tokens.user("ent-a"));
        assertThat(payload(edited)).contains("\"admin\"");
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload(edited)) + ".";
        for (String token : List.of(edited, unsigned, "garbage", Tokens.user("ent-a") + "x")) {
            assertThat(status(gateway, token)).isEqualTo(401);
            assertThat(status(registry, token)).isEqualTo(401);
        }
        // and the edited token cannot do what an administrator can
        assertThat(gateway.sendWithToken(edited, "POST", "/api/v1/registry/listings").statusCode()).isEqualTo(401);
    }

    @Test
    void tokensOfAnotherRealmOrAnotherClientAreRefused() {
        String foreign = Tokens.foreignRealm();
        assertThat(status(gateway, foreign)).isEqualTo(401);
        assertThat(status(registry, foreign)).isEqualTo(401);
        // Keycloak's built-in admin-cli client of the same realm issues tokens without the portal audience
        String otherClient = KeycloakAdmin.tokenFromBuiltInClient("ent-a");
        assertThat(payload(otherClient)).doesNotContain("greenportal-api");
        assertThat(status(gateway, otherClient)).isEqualTo(401);
        assertThat(status(registry, otherClient)).isEqualTo(401);
    }

    @Test
    void anExpiredTokenStopsAtTheGatewayAndAtTheService() throws Exception {
        String shortLived = KeycloakAdmin.shortLivedToken("ent-a");
        // fresh, it passes the gateway and the registry's own check (which then refuses it 403: that
        // client adds no uscc claim)
        assertThat(status(gateway, shortLived)).isEqualTo(403);
        assertThat(status(registry, shortLived)).isEqualTo(403);
        // lifespan 1 s; the gateway and every service allow the same 10 s of clock skew, no more: refused
        // some 11 s after it was issued (polled every second, well under the gateway's rate limit)
        Waiting.atMost(Duration.ofSeconds(30), "the gateway refuses the expired token").pollInterval(Duration.ofSeconds(1))
                .until(() -> status(gateway, shortLived) == 401);
        assertThat(status(registry, shortLived)).as("called directly, past the skew").isEqualTo(401);
    }
}
