package io.greenportal.platform.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A servlet resource server's decoder (a service's HTTP and gRPC sides) in front of {@link VerifiedTokens}. */
public final class RememberingJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;
    private final VerifiedTokens verified;

    public RememberingJwtDecoder(JwtDecoder decoder, VerifiedTokens verified) {
        this.decoder = decoder;
        this.verified = verified;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.recall(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        verified.remember(token, jwt);
        return jwt;
    }
}
