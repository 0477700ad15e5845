package io.greenportal.registry.credential;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.platform.web.Times;
import io.greenportal.registry.listing.Listing;
import io.greenportal.registry.listing.ListingStatus;

import org.springframework.stereotype.Service;

/**
 * Issues a listing's verifiable credential (W3C VC Data Model 2.0, secured as a JWT by
 * VC-JOSE-COSE). A current credential is valid for the configured period and points into both
 * status lists; one "as of" a past day states the listing as it stood at the end of that day
 * ({@code credentialSubject.asOf}), a fact that does not expire: it has no {@code validUntil} and
 * no status entries (a later suspension does not change what held on that day).
 */
@Service
public class Credentials {

    public static final String CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String TYPE = "GreenManufacturingListingCredential";

    private final StatusLists statusLists;
    private final JwsSigner signer;
    private final CredentialProperties properties;
    private final Clock clock;

    public Credentials(StatusLists statusLists, JwsSigner signer, CredentialProperties properties, Clock clock) {
        this.statusLists = statusLists;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    public record Issued(String jwt, Map<String, Object> credential) {
    }

    /** {@code listing} is current, or as of a past day when {@code listing.asOf()} is set. */
    public Issued issue(Listing listing) {
        OffsetDateTime now = Times.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(CONTEXT));
        credential.put("id", "urn:uuid:" + UUID.randomUUID());
        credential.put("type", List.of("VerifiableCredential", TYPE));
        credential.put("issuer", properties.issuer());
        credential.put("validFrom", now.toString());
        if (listing.asOf() == null) {
            credential.put("validUntil", now.plus(properties.validity()).toString());
        }
        credential.put("credentialSubject", subject(listing));
        if (listing.asOf() == null) {
            int position = statusLists.positionOf(listing.id());
            List<Map<String, Object>> entries = new ArrayList<>();
            for (StatusPurpose purpose : StatusPurpose.values()) {
                String list = properties.statusListUrl(purpose);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", list + "#" + position);
                entry.put("type", "BitstringStatusListEntry");
                entry.put("statusPurpose", purpose.value());
                entry.put("statusListIndex", Integer.toString(position));
                entry.put("statusListCredential", list);
                entries.add(entry);
            }
            credential.put("credentialStatus", entries);
            if (listing.status() != ListingStatus.ACTIVE) {
                statusLists.publishIfChanged(); // a listing's first place is flagged before anyone can look
            }
        }
        return new Issued(signer.sign(credential), credential);
    }

    private static Map<String, Object> subject(Listing listing) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "GreenManufacturingListing");
        subject.put("creditCode", listing.enterprise().uscc());
        subject.put("name", listing.enterprise().name());
        subject.put("listingId", listing.id().toString());
        subject.put("listingType", listing.type().name());
        subject.put("level", listing.level().name());
        // a number the registry made up because the list gave none is nobody's certificate: named for what it is
        subject.put(listing.certificateNumberAssigned() ? "registryNumber" : "certificateNumber", listing.certificateNumber());
        subject.put("year", listing.year());
        if (listing.grantedOn() != null) {
            subject.put("grantedOn", listing.grantedOn().toString());
        }
        subject.put("status", listing.status().name());
        LocalDate asOf = listing.asOf();
        if (asOf != null) {
            subject.put("asOf", asOf.toString());
        }
        return subject;
    }
}
