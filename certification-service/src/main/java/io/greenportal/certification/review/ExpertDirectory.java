package io.greenportal.certification.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.greenportal.certification.RemoteCalls;
import io.greenportal.platform.grpc.client.ServiceTokens;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.KeycloakTimeouts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Who may be assigned as an expert: an enabled Keycloak user holding the realm role {@code expert}
 * (directly, through a group or a composite role). Asked of Keycloak's admin REST API with this
 * service's own client-credentials token; its service account holds {@code realm-management}
 * {@code view-users}, which reads users and their role mappings but not the realm's role lists.
 */
@Component
public class ExpertDirectory {

    private static final Logger log = LoggerFactory.getLogger(ExpertDirectory.class);
    static final String ROLE = "expert";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final RestClient keycloak;
    private final ServiceTokens tokens;

    @Autowired
    public ExpertDirectory(@Value("${greenportal.keycloak.admin-url:}") String adminUrl,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            ServiceTokens tokens) {
        this(adminUrl.isBlank() ? adminUrlOf(issuer) : adminUrl, tokens);
    }

    public ExpertDirectory(String adminUrl, ServiceTokens tokens) {
        this.keycloak = RestClient.builder().baseUrl(adminUrl).requestFactory(KeycloakTimeouts.requestFactory()).build();
        this.tokens = tokens;
    }

    /** {@code http://kc/realms/greenportal} -> {@code http://kc/admin/realms/greenportal} (also under /auth). */
    static String adminUrlOf(String issuer) {
        int at = issuer.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalArgumentException("issuer " + issuer + " is not a Keycloak realm URL; set greenportal.keycloak.admin-url");
        }
        return issuer.substring(0, at) + "/admin" + issuer.substring(at);
    }

    /**
     * The names among these that are not enabled users with the realm role {@code expert}, in the
     * order given. 503 when Keycloak cannot be asked.
     */
    public List<String> notExperts(Collection<String> names) {
        RemoteCalls.requireNoTransaction("Keycloak");
        List<String> refused = new ArrayList<>();
        try {
            String token = "Bearer " + tokens.token();
            for (String name : names) {
                if (!isExpertRetryingAClosedConnection(name, token)) {
                    refused.add(name);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Keycloak could not tell who the experts are: {}", e.toString());
            throw ApiException.unavailable("dependency-unavailable", "The identity provider could not be asked who the experts are; "
                    + "nothing was assigned, try again shortly");
        }
        return refused;
    }

    /**
     * A pooled connection Keycloak (or a proxy) closed meanwhile fails at once on reuse; the look-up
     * is read-only, so it is asked once more on a fresh try. A time-out is not retried: a hung
     * Keycloak must not cost twice the wait.
     */
    private boolean isExpertRetryingAClosedConnection(String name, String token) {
        try {
            return isExpert(name, token);
        } catch (ResourceAccessException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw e;
            }
            return isExpert(name, token);
        }
    }

    private boolean isExpert(String name, String token) {
        List<Map<String, Object>> users = keycloak.get()
                .uri("/users?username={name}&exact=true&briefRepresentation=true", name)
                .header("Authorization", token).retrieve().body(LIST);
        Map<String, Object> user = users == null ? null : users.stream()
                .filter(u -> name.equalsIgnoreCase(String.valueOf(u.get("username")))).findFirst().orElse(null);
        if (user == null || !Boolean.TRUE.equals(user.get("enabled"))) {
            return false;
        }
        List<Map<String, Object>> roles = keycloak.get()
                .uri("/users/{id}/role-mappings/realm/composite?briefRepresentation=true", user.get("id"))
                .header("Authorization", token).retrieve().body(LIST);
        return roles != null && roles.stream().anyMatch(r -> ROLE.equals(r.get("name")));
    }
}
