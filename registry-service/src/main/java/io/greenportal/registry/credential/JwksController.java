package io.greenportal.registry.credential;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The issuer's public keys, current and retired, at the well-known address (open to anyone). */
@RestController
public class JwksController {

    public static final String PATH = "/.well-known/jwks.json";

    private final SigningKeys keys;

    public JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Operation(summary = "The credential issuer's public keys (JWK set): every key that signed a credential still "
            + "valid, including retired ones")
    @GetMapping(value = PATH, produces = "application/jwk-set+json")
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jwk-set+json"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(keys.publicKeys().toJSONObject(true));
    }
}
