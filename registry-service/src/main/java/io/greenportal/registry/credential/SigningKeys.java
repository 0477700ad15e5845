package io.greenportal.registry.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The issuer's keys: a JWK set file (a mounted secret in production) of P-256 keys, each with a
 * {@code kid}. The key named by {@code active-key-id}, else the first key with its private part,
 * signs; every key in the file, private part or not, is published and verifies. Rotating means
 * adding a new key (and naming it active, or putting it first) while keeping the old ones, whose
 * private part may be dropped: credentials signed with them keep verifying. The file is re-read
 * when it changes (a Kubernetes secret is updated in place), so a rotation needs no restart.
 *
 * <p>Without a file the service does not start, unless {@code dev-keys} is on (the local portal):
 * then one key is made and written to the file, and a warning says so.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final CredentialProperties properties;
    private final Path file;
    private volatile Loaded loaded;

    private record Loaded(FileTime modified, JWKSet set, ECKey active) {
    }

    public SigningKeys(CredentialProperties properties) {
        this.properties = properties;
        if (properties.keysFile() == null || properties.keysFile().isBlank()) {
            throw new IllegalStateException("No credential signing keys: set greenportal.credentials.keys-file "
                    + "(GP_CREDENTIAL_KEYS_FILE) to a JWK set with a P-256 private key, e.g. a mounted secret");
        }
        this.file = Path.of(properties.keysFile());
        if (!Files.exists(file)) {
            if (!properties.devKeys()) {
                throw new IllegalStateException("Credential signing keys " + file + " do not exist; keys are never "
                        + "made silently outside development (greenportal.credentials.dev-keys)");
            }
            writeDevKey(file);
        }
        this.loaded = load();
    }

    private static void writeDevKey(Path file) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("DEVELOPMENT credential signing key {} written to {} (greenportal.credentials.dev-keys=true); "
                    + "never use dev keys in production", key.getKeyID(), file);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Cannot write a development signing key to " + file, e);
        }
    }

    private Loaded load() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            for (JWK key : set.getKeys()) {
                if (key.getKeyID() == null || key.getKeyID().isBlank()) {
                    throw new IllegalStateException("Every key in " + file + " needs a kid");
                }
                if (!(key instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                    throw new IllegalStateException("Key " + key.getKeyID() + " in " + file + " is not a P-256 EC key (ES256)");
                }
            }
            ECKey active = chooseActive(set.getKeys());
            return new Loaded(modified, set, active);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read credential signing keys " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Credential signing keys " + file + " are not a JWK set: " + e.getMessage(), e);
        }
    }

    private ECKey chooseActive(List<JWK> keys) {
        String wanted = properties.activeKeyId();
        for (JWK key : keys) {
            boolean named = wanted != null && !wanted.isBlank() ? wanted.equals(key.getKeyID()) : key.isPrivate();
            if (named) {
                if (!key.isPrivate()) {
                    throw new IllegalStateException("The active signing key " + key.getKeyID() + " has no private part");
                }
                return (ECKey) key;
            }
        }
        throw new IllegalStateException("No signing key " + (wanted == null || wanted.isBlank() ? "with a private part"
                : "with kid " + wanted) + " in " + file);
    }

    /** The current keys, re-read when the file changed; a broken new file keeps the last good keys. */
    private Loaded current() {
        Loaded now = loaded;
        try {
            if (!Files.getLastModifiedTime(file).equals(now.modified())) {
                synchronized (this) {
                    if (!Files.getLastModifiedTime(file).equals(loaded.modified())) {
                        loaded = load();
                        log.info("Credential signing keys re-read from {}: active {}, {} key(s) published", file,
                                loaded.active().getKeyID(), loaded.set().size());
                    }
                    now = loaded;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.error("Credential signing keys {} could not be re-read; keeping the keys read at {}: {}", file,
                    Instant.ofEpochMilli(now.modified().toMillis()), e.getMessage());
        }
        return now;
    }

    /** The key that signs now (with its private part). */
    public ECKey active() {
        return current().active();
    }

    /** Every key, public parts only: the JWKS document. */
    public JWKSet publicKeys() {
        return current().set().toPublicJWKSet();
    }

    /** The public key with this {@code kid}, current or retired. */
    public Optional<ECKey> publicKey(String kid) {
        JWK key = kid == null ? null : current().set().getKeyByKeyId(kid);
        return key == null ? Optional.empty() : Optional.of(((ECKey) key).toPublicJWK());
    }
}
