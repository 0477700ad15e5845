package io.greenportal.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Keycloak's realm roles become ROLE_ authorities; anything else in the token gives none. */
@Tag("unit")
class RealmRolesTest {

    static Jwt token(Map<String, Object> claims) {
        var jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).subject("s");
        claims.forEach(jwt::claim);
        return jwt.build();
    }

    @Test
    void realmRolesBecomeRoleAuthorities() {
        var roles = RealmRoles.authorities(token(Map.of("realm_access", Map.of("roles", List.of("enterprise", "bank", 7)))));
        assertThat(roles).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_enterprise", "ROLE_bank");
    }

    @Test
    void aTokenWithoutRealmRolesHasNone() {
        assertThat(RealmRoles.authorities(token(Map.of("preferred_username", "ent-a")))).isEmpty();
        assertThat(RealmRoles.authorities(token(Map.of("realm_access", "admin")))).isEmpty();
        assertThat(RealmRoles.authorities(token(Map.of("realm_access", Map.of("roles", "admin"))))).isEmpty();
    }
}
