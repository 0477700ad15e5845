package io.greenportal.registry.credential;

import io.greenportal.platform.web.LongLine;
import io.greenportal.platform.web.TextRule;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.registry.listing.AsOf;
import io.greenportal.registry.listing.Listing;
import io.greenportal.registry.listing.ListingService;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifiable status credentials: a listing's credential (its enterprise, banks, administrators),
 * the published status lists and their kept versions, and verification (anyone: public).
 */
@RestController
@RequestMapping("/api/v1/registry/credentials")
public class CredentialController {

    static final MediaType VC_JWT = MediaType.parseMediaType(JwsSigner.MEDIA_TYPE);

    private final ListingService listings;
    private final Credentials credentials;
    private final CredentialVerifier verifier;
    private final StatusLists statusLists;
    private final Clock clock;

    public CredentialController(ListingService listings, Credentials credentials, CredentialVerifier verifier,
            StatusLists statusLists, Clock clock) {
        this.listings = listings;
        this.credentials = credentials;
        this.verifier = verifier;
        this.statusLists = statusLists;
        this.clock = clock;
    }

    @Operation(summary = "A listing's verifiable credential (application/vc+jwt); with asOf=YYYY-MM-DD, as it stood "
            + "at the end of that day. Its enterprise, banks and administrators; another enterprise's listing is 404.")
    @GetMapping("/listings/{id}")
    @PreAuthorize("hasAnyRole('admin','bank','enterprise')")
    public ResponseEntity<String> credential(@PathVariable UUID id, @RequestParam(required = false) LocalDate asOf,
            Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Listing listing = listings.get(id, AsOf.check(asOf, clock, "asOf"));
        if (!caller.hasAny(Caller.ADMIN, Caller.BANK)
                && (caller.uscc() == null || !caller.uscc().equals(listing.enterprise().uscc()))) {
            throw ApiException.notFound("Listing " + id);
        }
        var issued = credentials.issue(listing);
        String file = listing.certificateNumber() + (asOf == null ? "" : "-" + asOf) + ".jwt";
        return ResponseEntity.ok().contentType(VC_JWT).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(issued.jwt());
    }

    public record VerificationRequest(@LongLine(max = TextRule.FREE_TEXT_MAX) String credential) {
    }

    @Operation(summary = "Verify a presented credential: signature, issuer, validity and status, each with why it "
            + "failed. Open to anyone; a credential that fails is a 200 answer with valid=false.")
    @PostMapping("/verification")
    public Verification verify(@RequestBody VerificationRequest request) {
        if (request == null || request.credential() == null || request.credential().isBlank()) {
            throw ApiException.invalid("credential", "is required: the credential as a compact JWS (vc+jwt)");
        }
        return verifier.verify(request.credential());
    }

    @Operation(summary = "The newest version of a status list (suspension or revocation) as a signed "
            + "BitstringStatusListCredential (application/vc+jwt). ETag and If-None-Match; open to anyone.")
    @GetMapping("/status/{purpose}")
    public ResponseEntity<String> statusList(@PathVariable String purpose,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        StatusPurpose p = purpose(purpose);
        var latest = statusLists.latest(p).orElseGet(() -> statusLists.publishIfChanged().stream()
                .filter(v -> v.purpose() == p).findFirst()
                .or(() -> statusLists.latest(p)).orElseThrow(() -> ApiException.notFound("Status list " + purpose)));
        var cache = CacheControl.noCache().cachePublic();
        if (ifNoneMatch != null && ifNoneMatch.contains(latest.etag())) {
            return ResponseEntity.status(304).eTag(latest.etag()).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(VC_JWT).eTag(latest.etag()).cacheControl(cache)
                .header("X-Status-List-Version", Integer.toString(latest.version()))
                .body(latest.credential());
    }

    @Operation(summary = "One kept version of a status list: every list ever published stays available and verifiable")
    @GetMapping("/status/{purpose}/versions/{version}")
    public ResponseEntity<String> statusListVersion(@PathVariable String purpose, @PathVariable int version) {
        StatusPurpose p = purpose(purpose);
        var v = statusLists.version(p, version)
                .orElseThrow(() -> ApiException.notFound("Version " + version + " of the " + purpose + " list"));
        return ResponseEntity.ok().contentType(VC_JWT).eTag(v.etag())
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(v.credential());
    }

    private static StatusPurpose purpose(String value) {
        return StatusPurpose.of(value).orElseThrow(() -> ApiException.notFound("Status list " + value
                + " (there are: suspension, revocation)"));
    }
}
