package io.greenportal.registry.credential;

import java.text.ParseException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;

import io.greenportal.platform.web.Times;

import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a presented credential as a verifier would: a compact JWS of type {@code vc+jwt}, signed
 * with ES256 by a key in this issuer's JWKS (current or retired), issued by this issuer, inside its
 * validity period, and flagged in neither status list (the newest version of each). A failure is a
 * result, not an error: each failed check says why.
 */
@Service
public class CredentialVerifier {

    private final SigningKeys keys;
    private final StatusLists statusLists;
    private final CredentialProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    public CredentialVerifier(SigningKeys keys, StatusLists statusLists, CredentialProperties properties, JsonMapper json,
            Clock clock) {
        this.keys = keys;
        this.statusLists = statusLists;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public Verification verify(String presented) {
        List<Verification.Check> checks = new ArrayList<>();
        JWSObject jws;
        Map<String, Object> credential;
        // the libraries' own messages name Java types and parser internals: the caller gets a sentence
        try {
            jws = JWSObject.parse(presented.strip());
        } catch (ParseException | IllegalArgumentException e) {
            checks.add(new Verification.Check("format", false,
                    "not a compact JWS: three base64url parts separated by dots, the first a valid JSON header"));
            return result(checks, null);
        }
        try {
            credential = json.readValue(jws.getPayload().toString(), new TypeReference<Map<String, Object>>() {
            });
        } catch (JacksonException | IllegalArgumentException e) {
            checks.add(new Verification.Check("format", false, "the payload is not a JSON object"));
            return result(checks, null);
        }
        if (credential == null) {
            checks.add(new Verification.Check("format", false, "the payload is not a JSON object"));
            return result(checks, null);
        }
        String type = jws.getHeader().getType() == null ? null : jws.getHeader().getType().getType();
        boolean formatOk = JwsSigner.TYPE.getType().equals(type) && credential.get("credentialSubject") != null;
        checks.add(new Verification.Check("format", formatOk, formatOk ? "vc+jwt" : "typ is " + type
                + " (expected vc+jwt) or credentialSubject is missing"));
        checks.add(signature(jws));
        Object issuer = credential.get("issuer");
        Object issuerId = issuer instanceof Map<?, ?> m ? m.get("id") : issuer;
        boolean issuerOk = properties.issuer().equals(issuerId);
        checks.add(new Verification.Check("issuer", issuerOk, issuerOk ? properties.issuer()
                : "issued by " + issuerId + ", not by " + properties.issuer()));
        checks.add(validity(credential));
        checks.addAll(status(credential));
        // what it says is shown only when the issuer said it: a forged credential's claims are not repeated
        boolean authentic = checks.stream().anyMatch(c -> c.name().equals("signature") && c.passed());
        return result(checks, authentic ? credential : null);
    }

    private static Verification result(List<Verification.Check> checks, Map<String, Object> credential) {
        List<String> reasons = checks.stream().filter(c -> !c.passed()).map(c -> c.name() + ": " + c.detail()).toList();
        return new Verification(reasons.isEmpty(), checks, reasons, credential);
    }

    private Verification.Check signature(JWSObject jws) {
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())) {
            return new Verification.Check("signature", false, "algorithm " + jws.getHeader().getAlgorithm() + " is not ES256");
        }
        String kid = jws.getHeader().getKeyID();
        Optional<ECKey> key = keys.publicKey(kid);
        if (key.isEmpty()) {
            return new Verification.Check("signature", false, "key " + kid + " is not in the issuer's JWKS");
        }
        try {
            boolean ok = jws.verify(new ECDSAVerifier(key.get()));
            if (ok && !CanonicalSignature.isCanonical(jws.getSignature().decode())) {
                return new Verification.Check("signature", false, "the signature is not in its canonical (low-S) form, "
                        + "the only one the registry issues: this is an altered copy of a credential");
            }
            return new Verification.Check("signature", ok, ok ? "ES256, key " + kid
                    : "the signature does not match the content (altered, or signed by another key)");
        } catch (JOSEException e) {
            return new Verification.Check("signature", false, "the signature could not be checked with key " + kid);
        }
    }

    private Verification.Check validity(Map<String, Object> credential) {
        OffsetDateTime now = Times.now(clock);
        try {
            Object from = credential.get("validFrom");
            Object until = credential.get("validUntil");
            if (from != null && OffsetDateTime.parse(from.toString()).isAfter(now)) {
                return new Verification.Check("validity", false, "not valid before " + from);
            }
            if (until != null && !OffsetDateTime.parse(until.toString()).isAfter(now)) {
                return new Verification.Check("validity", false, "expired at " + until);
            }
            return new Verification.Check("validity", true, until == null ? "no end (a statement about a past day)"
                    : "valid until " + until);
        } catch (DateTimeParseException e) {
            return new Verification.Check("validity", false, "validFrom or validUntil is not a date-time");
        }
    }

    private List<Verification.Check> status(Map<String, Object> credential) {
        Object status = credential.get("credentialStatus");
        List<?> entries = status instanceof List<?> l ? l : status == null ? List.of() : List.of(status);
        List<Verification.Check> checks = new ArrayList<>();
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> entry)) {
                checks.add(new Verification.Check("status", false, "a credentialStatus entry is not an object"));
                continue;
            }
            Optional<StatusPurpose> purpose = StatusPurpose.of(String.valueOf(entry.get("statusPurpose")));
            if (purpose.isEmpty() || !properties.statusListUrl(purpose.get()).equals(entry.get("statusListCredential"))) {
                checks.add(new Verification.Check("status", false, "unknown status list " + entry.get("statusListCredential")));
                continue;
            }
            int index;
            try {
                index = Integer.parseInt(String.valueOf(entry.get("statusListIndex")));
            } catch (NumberFormatException ex) {
                checks.add(new Verification.Check("status", false, "statusListIndex is not a number"));
                continue;
            }
            var list = statusLists.latest(purpose.get());
            boolean flagged = list.isPresent() && index >= 0 && index < list.get().bits().size() && list.get().bits().get(index);
            String where = purpose.get().value() + " list" + list.map(v -> " version " + v.version()).orElse("");
            checks.add(new Verification.Check("status", !flagged, flagged
                    ? (purpose.get() == StatusPurpose.REVOCATION ? "revoked" : "suspended") + " (" + where + ", index " + index + ")"
                    : "not " + (purpose.get() == StatusPurpose.REVOCATION ? "revoked" : "suspended") + " (" + where + ")"));
        }
        return checks;
    }
}
