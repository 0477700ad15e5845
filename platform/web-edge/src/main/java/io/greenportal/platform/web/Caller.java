package io.greenportal.platform.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as the Keycloak token says: username, realm roles, and the attributes that scope
 * what the caller may see (an enterprise's USCC, a municipal reviewer's city, a bank's id, an
 * evaluator's evaluation body: its credit code, claim {@code evaluation_body}).
 */
public record Caller(String username, Set<String> roles, String uscc, String cityCode, String bankId,
        String evaluationBody) {

    public static final String ENTERPRISE = "enterprise";
    public static final String MUNICIPAL = "reviewer-municipal";
    public static final String PROVINCIAL = "reviewer-provincial";
    public static final String EXPERT = "expert";
    public static final String ADMIN = "admin";
    public static final String BANK = "bank";
    /** Staff of a third-party evaluation body (第三方评价机构); the token names the body's credit code. */
    public static final String EVALUATOR = "evaluator";

    /** The system itself (sweeps, workers, demo data), recorded as actor "system". */
    public static final Caller SYSTEM = new Caller("system", Set.of("system"), null, null, null);

    /** A caller that belongs to no evaluation body. */
    public Caller(String username, Set<String> roles, String uscc, String cityCode, String bankId) {
        this(username, roles, uscc, cityCode, bankId, null);
    }

    public static Caller of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return new Caller("anonymous", Set.of(), null, null, null);
        }
        Jwt jwt = token.getToken();
        Set<String> roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(token.getName(), roles, jwt.getClaimAsString("uscc"), jwt.getClaimAsString("city_code"),
                jwt.getClaimAsString("bank_id"), jwt.getClaimAsString("evaluation_body"));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The role a record of this caller's action names: the first of the portal's roles it holds. */
    public String actingRole() {
        for (String role : new String[] {ENTERPRISE, MUNICIPAL, PROVINCIAL, EXPERT, EVALUATOR, ADMIN, "system"}) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return roles.stream().findFirst().orElse("anonymous");
    }
}
