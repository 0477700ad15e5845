package io.greenportal.registry.credential;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code greenportal.credentials.*}: who issues ({@code issuer}, a URL whose
 * {@code /.well-known/jwks.json} holds the public keys), where the signing keys are (a JWK set file,
 * e.g. a mounted secret), which of them signs, how long a credential is valid, and whether a
 * development key may be made when the file does not exist (the local portal only).
 */
@ConfigurationProperties("greenportal.credentials")
public record CredentialProperties(String issuer, String keysFile, String activeKeyId, boolean devKeys,
        Duration validity) {

    public CredentialProperties {
        issuer = issuer == null || issuer.isBlank() ? "http://127.0.0.1:8080" : issuer.replaceAll("/+$", "");
        validity = validity == null ? Duration.ofDays(90) : validity;
    }

    public String jwksUrl() {
        return issuer + "/.well-known/jwks.json";
    }

    public String statusListUrl(StatusPurpose purpose) {
        return issuer + "/api/v1/registry/credentials/status/" + purpose.value();
    }
}
