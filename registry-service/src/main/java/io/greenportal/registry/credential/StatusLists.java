package io.greenportal.registry.credential;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suspension and the revocation list. A listing gets a random place when its first credential
 * is issued; a list's bit at that place is set while the listing's current status is the one the
 * list flags. {@link #publishIfChanged} compares the registry's statuses with the newest version of
 * each list and publishes a new signed version when they differ; old versions are kept.
 */
@Service
public class StatusLists {

    private static final Logger log = LoggerFactory.getLogger(StatusLists.class);
    private static final SecureRandom random = new SecureRandom();

    private final StatusListStore store;
    private final JwsSigner signer;
    private final CredentialProperties properties;
    private final Clock clock;

    public StatusLists(StatusListStore store, JwsSigner signer, CredentialProperties properties, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    /** The listing's place, drawn at random the first time. */
    public int positionOf(UUID listingId) {
        Optional<Integer> known = store.position(listingId);
        if (known.isPresent()) {
            return known.get();
        }
        if (store.count() >= Bitstring.SIZE / 2) {
            throw new IllegalStateException("The status lists are half full; give them more room before issuing more");
        }
        while (true) {
            store.claim(listingId, random.nextInt(Bitstring.SIZE));
            known = store.position(listingId);
            if (known.isPresent()) {
                return known.get();
            }
        }
    }

    /** Publishes a new version of each list whose bits differ from its newest version; the versions published. */
    @Transactional
    public List<StatusListVersion> publishIfChanged() {
        store.lockPublishing();
        List<StatusListVersion> published = new ArrayList<>();
        for (StatusPurpose purpose : StatusPurpose.values()) {
            Bitstring bits = new Bitstring();
            store.positionsWithStatus(purpose.flagged()).forEach(position -> bits.set(position, true));
            Optional<StatusListVersion> latest = store.latest(purpose);
            if (latest.isPresent() && latest.get().bits().equals(bits)) {
                continue;
            }
            int version = latest.map(v -> v.version() + 1).orElse(1);
            OffsetDateTime now = Times.now(clock).truncatedTo(ChronoUnit.SECONDS);
            var v = new StatusListVersion(purpose, version, bits, signer.sign(credential(purpose, version, bits, now)), now);
            store.insert(v);
            published.add(v);
            log.info("Published {} status list version {}", purpose.value(), version);
        }
        return published;
    }

    /** A BitstringStatusListCredential (W3C Bitstring Status List v1.0). */
    private Map<String, Object> credential(StatusPurpose purpose, int version, Bitstring bits, OffsetDateTime issuedAt) {
        String url = properties.statusListUrl(purpose);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.value());
        subject.put("encodedList", bits.encode());
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(Credentials.CONTEXT));
        credential.put("id", url);
        credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        credential.put("issuer", properties.issuer());
        credential.put("validFrom", issuedAt.toString());
        credential.put("name", purpose.value() + " list, version " + version);
        credential.put("version", version);
        credential.put("credentialSubject", subject);
        return credential;
    }

    public Optional<StatusListVersion> latest(StatusPurpose purpose) {
        return store.latest(purpose);
    }

    public Optional<StatusListVersion> version(StatusPurpose purpose, int version) {
        return store.version(purpose, version);
    }
}
