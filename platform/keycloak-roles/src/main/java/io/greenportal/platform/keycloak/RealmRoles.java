package io.greenportal.platform.keycloak;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak puts a user's realm roles in {@code realm_access.roles}; Spring Security wants
 * authorities. Each role becomes {@code ROLE_<role>}, so {@code hasRole('admin')} reads as it should.
 * The principal's name is {@code preferred_username} (the Keycloak user or client name).
 */
public final class RealmRoles {

    public static final String PRINCIPAL_CLAIM = "preferred_username";

    private RealmRoles() {
    }

    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (!(realmAccess instanceof Map<?, ?> map) || !(map.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream()
                .filter(String.class::isInstance)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
