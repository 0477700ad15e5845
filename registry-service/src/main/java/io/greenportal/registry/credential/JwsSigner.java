package io.greenportal.registry.credential;

import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Secures a credential as VC-JOSE-COSE says: a compact JWS whose payload is the credential itself
 * (no {@code vc} wrapper claim), header {@code alg} ES256, {@code kid}, {@code typ} {@code vc+jwt},
 * {@code cty} {@code vc}.
 */
@Component
public class JwsSigner {

    public static final JOSEObjectType TYPE = new JOSEObjectType("vc+jwt");
    public static final String MEDIA_TYPE = "application/vc+jwt";

    private final SigningKeys keys;
    private final JsonMapper json;

    public JwsSigner(SigningKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public String sign(Map<String, Object> credential) {
        ECKey key = keys.active();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(TYPE).contentType("vc")
                .build();
        JWSObject jws = new JWSObject(header, new Payload(json.writeValueAsString(credential)));
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign with key " + key.getKeyID(), e);
        }
        String signed = jws.serialize();
        String unsigned = signed.substring(0, signed.lastIndexOf('.'));
        return unsigned + "." + Base64URL.encode(CanonicalSignature.canonical(jws.getSignature().decode()));
    }
}
