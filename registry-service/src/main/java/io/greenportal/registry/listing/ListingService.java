package io.greenportal.registry.listing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Times;
import io.greenportal.registry.changefeed.ChangeKind;
import io.greenportal.registry.changefeed.ChangeLog;
import io.greenportal.registry.enterprise.EnterpriseStore;
import io.greenportal.platform.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's write and read rules. Every write runs in one transaction that first takes the
 * change-log lock, writes the listing and appends its change.
 */
@Service
public class ListingService {

    /** The source of listings the certification workflow grants (the default over gRPC). */
    public static final String CERTIFICATION = "CERTIFICATION";

    private final ListingStore listings;
    private final EnterpriseStore enterprises;
    private final ChangeLog changeLog;
    private final CertificateNumbers certificateNumbers;
    private final Clock clock;

    public ListingService(ListingStore listings, EnterpriseStore enterprises, ChangeLog changeLog,
            CertificateNumbers certificateNumbers, Clock clock) {
        this.listings = listings;
        this.enterprises = enterprises;
        this.changeLog = changeLog;
        this.certificateNumbers = certificateNumbers;
        this.clock = clock;
    }

    public record Registered(Listing listing, boolean created) {
    }

    /**
     * Registers a validated listing. A repeated {@code requestId} returns the listing created the
     * first time; a certificate number already in the registry is a conflict.
     */
    @Transactional
    public Registered register(ListingRules.Valid valid, String requestId, String source, String sourceRef,
            String actor) {
        changeLog.lockForWrite();
        if (requestId != null) {
            var existing = listings.findByRequestId(requestId, null);
            if (existing.isPresent()) {
                return new Registered(existing.get().row(), false);
            }
        }
        return new Registered(insert(valid, requestId, null, source, sourceRef, actor), true);
    }

    /**
     * Registers a listing an administrator typed in. A retry under its Idempotency-Key returns the
     * listing the first request created, and the same key with another request is refused (422).
     * Like an import, it refuses a second listing of the same enterprise, type, level, year and
     * subject when no certificate number tells the two apart: a form sent twice without a key.
     */
    @Transactional
    public Registered registerByAdministrator(ListingRules.Valid valid, String requestId, String fingerprint,
            String actor) {
        changeLog.lockForWrite(); // before the checks, so that two requests sent at once cannot both pass them
        if (requestId != null) {
            var existing = IdempotencyKeys.replay(listings.findByRequestId(requestId, fingerprint));
            if (existing.isPresent()) {
                return new Registered(existing.get(), false);
            }
        }
        String uscc = valid.enterprise().uscc();
        if (valid.certificateNumber() == null && listings.naturalKeysOf(List.of(uscc))
                .contains(ListingStore.naturalKey(uscc, valid.type(), valid.level(), valid.year(), valid.subject()))) {
            throw ApiException.conflict("duplicate-listing", "subject", "The enterprise already holds this "
                    + valid.level() + " " + valid.type() + " listing for " + valid.year()
                    + "; give its certificate number if it is another one");
        }
        return new Registered(insert(valid, requestId, fingerprint, "ADMIN", null, actor), true);
    }

    /** Inserts one listing; the caller holds the change-log lock. */
    @Transactional
    public Listing insert(ListingRules.Valid valid, String requestId, String fingerprint, String source,
            String sourceRef, String actor) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var input = valid.enterprise();
        enterprises.createIfAbsent(input.uscc(), input.name(), input.regionCode(), input.industryCode(), now, actor);
        var enterprise = enterprises.find(input.uscc()).orElseThrow();
        String certificateNumber = valid.certificateNumber();
        if (certificateNumber == null) {
            do {
                certificateNumber = certificateNumbers.next(valid.type(), valid.level(), valid.year(),
                        enterprise.regionCode());
            } while (listings.certificateNumberExists(certificateNumber));
        } else if (listings.certificateNumberExists(certificateNumber)) {
            throw ApiException.conflict("duplicate-certificate-number", "certificateNumber",
                    "Certificate number " + certificateNumber + " is already in the registry");
        }
        LocalDate grantedOn = grantedOn(valid, source, LocalDate.now(clock));
        OffsetDateTime effective = effective(inForceFrom(valid, LocalDate.now(clock)), now);
        Listing listing = new Listing(UUID.randomUUID(), valid.type(), valid.level(), enterprise, valid.subject(),
                valid.year(), valid.batch(), certificateNumber, assigned(valid, source), valid.indicators(),
                ListingStatus.ACTIVE, null,
                effective, actor, grantedOn, now, source, sourceRef, null);
        listings.insert(listing, requestId, fingerprint);
        enterprises.bearsFirstNameSince(Map.of(enterprise.uscc(), effective));
        changeLog.append(ChangeKind.LISTING_CREATED, listing, null, now, effective, actor);
        if (valid.status() != ListingStatus.ACTIVE) {
            Listing changed = listing.withStatus(valid.status(), valid.statusReason(), now, actor);
            listings.updateStatus(listing.id(), valid.status(), valid.statusReason(), now, actor);
            changeLog.append(ChangeKind.STATUS_CHANGED, changed, ListingStatus.ACTIVE, now, now, actor);
            listing = changed;
        }
        return listing;
    }

    /**
     * Inserts many listings (an import's chunk) with a handful of statements: enterprises, numbers,
     * listings and changes each in one go. The caller holds the change-log lock and has checked
     * duplicates; the rows are those {@link #insert} would write one by one.
     */
    @Transactional
    public List<Listing> insertAll(List<ListingRules.Valid> valids, String source, String sourceRef, String actor) {
        if (valids.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        enterprises.createAllIfAbsent(valids.stream().map(ListingRules.Valid::enterprise).toList(), now, actor);
        var refs = enterprises.findAll(valids.stream().map(v -> v.enterprise().uscc()).collect(Collectors.toSet()));
        List<String> numbers = numbersFor(valids, refs);
        List<Listing> rows = new ArrayList<>(valids.size());
        List<ChangeLog.Entry> changes = new ArrayList<>(valids.size());
        for (int i = 0; i < valids.size(); i++) {
            var valid = valids.get(i);
            LocalDate grantedOn = grantedOn(valid, source, today);
            OffsetDateTime effective = effective(inForceFrom(valid, today), now);
            Listing created = new Listing(UUID.randomUUID(), valid.type(), valid.level(), refs.get(valid.enterprise().uscc()),
                    valid.subject(), valid.year(), valid.batch(), numbers.get(i), assigned(valid, source),
                    valid.indicators(), ListingStatus.ACTIVE,
                    null, effective, actor, grantedOn, now, source, sourceRef, null);
            changes.add(new ChangeLog.Entry(ChangeKind.LISTING_CREATED, created, null, now, effective, actor));
            Listing current = created;
            if (valid.status() != ListingStatus.ACTIVE) {
                current = created.withStatus(valid.status(), valid.statusReason(), now, actor);
                changes.add(new ChangeLog.Entry(ChangeKind.STATUS_CHANGED, current, ListingStatus.ACTIVE, now, now, actor));
            }
            rows.add(current);
        }
        listings.insertAll(rows);
        var earliest = new java.util.HashMap<String, OffsetDateTime>();
        changes.stream().filter(c -> c.kind() == ChangeKind.LISTING_CREATED).forEach(c -> earliest.merge(
                c.listing().enterprise().uscc(), c.effectiveAt(), (a, b) -> a.isBefore(b) ? a : b));
        enterprises.bearsFirstNameSince(earliest);
        changeLog.appendAll(changes);
        return rows;
    }

    /**
     * Whether the registry assigns the listing's number as a registry number: a list or an
     * administrator that states none. The numbers it makes for the certification workflow's grants
     * are the province's certificate numbers.
     */
    static boolean assigned(ListingRules.Valid valid, String source) {
        return valid.certificateNumber() == null && !CERTIFICATION.equals(source);
    }

    /**
     * The grant date as far as the registry knows it: the date stated, or today for a listing the
     * certification workflow grants now. An import or an administrator's entry that states no date
     * has none: the public and the banks see "not published", never a date the registry made up.
     */
    static LocalDate grantedOn(ListingRules.Valid valid, String source, LocalDate today) {
        if (valid.grantedOn() != null) {
            return valid.grantedOn();
        }
        return CERTIFICATION.equals(source) ? today : null;
    }

    /**
     * The day a listing counts from in as-of questions: its grant date; without one, the last day of
     * its year for a past year (lists are published late in the year, so this errs late, never early),
     * or today.
     */
    static LocalDate inForceFrom(ListingRules.Valid valid, LocalDate today) {
        LocalDate yearEnd = LocalDate.of(valid.year(), 12, 31);
        return valid.grantedOn() != null ? valid.grantedOn() : yearEnd.isBefore(today) ? yearEnd : today;
    }

    /**
     * The moment a new listing takes effect, which is also when its first status (ACTIVE) took effect:
     * the start of its granted-on day, or now when it is granted today.
     */
    static OffsetDateTime effective(LocalDate grantedOn, OffsetDateTime now) {
        return grantedOn.isBefore(now.toLocalDate()) ? Times.startOf(grantedOn) : now;
    }

    /** Given numbers as they are; the others generated a block per prefix, skipping any already taken. */
    private List<String> numbersFor(List<ListingRules.Valid> valids, java.util.Map<String, EnterpriseRef> refs) {
        var missing = new java.util.LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < valids.size(); i++) {
            var v = valids.get(i);
            if (v.certificateNumber() == null) {
                missing.computeIfAbsent(certificateNumbers.prefix(v.type(), v.level(), v.year(),
                        refs.get(v.enterprise().uscc()).regionCode()), k -> new ArrayList<>()).add(i);
            }
        }
        String[] numbers = valids.stream().map(ListingRules.Valid::certificateNumber).toArray(String[]::new);
        missing.forEach((prefix, positions) -> {
            List<String> block = certificateNumbers.block(prefix, positions.size());
            var taken = new java.util.HashSet<>(listings.existingCertificateNumbers(block));
            for (int k = 0; k < positions.size(); k++) {
                String number = block.get(k);
                while (taken.contains(number)) {
                    number = certificateNumbers.block(prefix, 1).getFirst();
                    taken = new java.util.HashSet<>(listings.existingCertificateNumbers(List.of(number)));
                }
                numbers[positions.get(k)] = number;
            }
        });
        return List.of(numbers);
    }

    /** Suspends, revokes or restores a listing. REVOKED is final. */
    @Transactional
    public Listing changeStatus(UUID id, StatusAction action, String reason, String actor) {
        if (action == null) {
            throw ApiException.invalid("action", "is required: one of SUSPEND, REVOKE, RESTORE");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalid("reason", "is required");
        }
        if (reason.length() > 500) {
            throw ApiException.invalid("reason", "must be at most 500 characters");
        }
        changeLog.lockForWrite();
        Listing current = listings.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Listing " + id));
        if (!action.allowedFrom(current.status())) {
            throw new ApiException(HttpStatus.CONFLICT, "status-transition-not-allowed", "action",
                    "Cannot " + action.name().toLowerCase() + " a listing that is " + current.status()
                            + (current.status() == ListingStatus.REVOKED ? " (revocation is final)" : ""))
                    .withProperty("currentStatus", current.status().name());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String cleanReason = reason.strip();
        listings.updateStatus(id, action.target(), cleanReason, now, actor);
        Listing changed = current.withStatus(action.target(), cleanReason, now, actor);
        changeLog.append(ChangeKind.STATUS_CHANGED, changed, current.status(), now, now, actor);
        return changed;
    }

    /**
     * The national platform accepted the listing: it becomes NATIONAL with the national certificate
     * number and date, recorded in the change log (LEVEL_CHANGED) so search and the banks follow. The
     * same number again answers the listing as it is (a retry); another number is a 409.
     */
    @Transactional
    public Listing upgradeToNational(UUID id, String nationalNumber, LocalDate nationalOn, String reason, String actor) {
        String number = nationalNumber == null ? "" : nationalNumber.strip();
        if (number.isEmpty() || number.length() > 64 || number.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid("nationalCertificateNumber", "is required: at most 64 characters");
        }
        if (nationalOn == null) {
            throw ApiException.invalid("nationalOn", "is required (YYYY-MM-DD)");
        }
        if (reason != null && reason.length() > 500) {
            throw ApiException.invalid("reason", "must be at most 500 characters");
        }
        changeLog.lockForWrite();
        Listing current = listings.findForUpdate(id).orElseThrow(() -> ApiException.notFound("Listing " + id));
        if (current.level() == Level.NATIONAL) {
            if (current.certificateNumber().equals(number)) {
                return current;
            }
            throw new ApiException(HttpStatus.CONFLICT, "already-national", "nationalCertificateNumber",
                    "Listing " + id + " is NATIONAL already, with number " + current.certificateNumber());
        }
        if (current.status() == ListingStatus.REVOKED) {
            throw new ApiException(HttpStatus.CONFLICT, "status-transition-not-allowed", "listingId",
                    "A revoked listing cannot become national").withProperty("currentStatus", current.status().name());
        }
        if (!current.certificateNumber().equals(number) && listings.certificateNumberExists(number)) {
            throw new ApiException(HttpStatus.CONFLICT, "certificate-number-taken", "nationalCertificateNumber",
                    "Certificate number " + number + " belongs to another listing");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        listings.upgradeToNational(id, number, nationalOn);
        Listing changed = listings.find(id).orElseThrow();
        changeLog.append(ChangeKind.LEVEL_CHANGED, changed, null, now, effective(nationalOn, now), actor);
        return changed;
    }

    /** Renames an enterprise; its listings follow, and consumers are told through the change log. */
    @Transactional
    public void renameEnterprise(String uscc, String newName, String actor) {
        changeLog.lockForWrite();
        OffsetDateTime now = OffsetDateTime.now(clock);
        var current = enterprises.find(uscc).orElseThrow(() -> ApiException.notFound("Enterprise " + uscc));
        if (current.name().equals(newName)) {
            return;
        }
        enterprises.rename(uscc, newName, now, actor);
        for (Listing listing : listings.findByUscc(uscc)) {
            changeLog.append(ChangeKind.LISTING_UPDATED, listing, null, now, now, actor);
        }
    }

    public Listing get(UUID id, LocalDate asOf) {
        if (asOf == null) {
            return listings.find(id).orElseThrow(() -> ApiException.notFound("Listing " + id));
        }
        listings.find(id).orElseThrow(() -> ApiException.notFound("Listing " + id));
        return changeLog.snapshotBefore(id, Times.endOf(asOf))
                .map(l -> l.asOf(asOf))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-listed-on-date", "asOf",
                        "Listing " + id + " did not exist yet on " + asOf));
    }

    /** Each enterprise with its listings (current, or as of a day), answered with one query. */
    public Map<String, ListingStore.Holder> lookup(List<String> usccs, LocalDate asOf) {
        var distinct = new LinkedHashSet<>(usccs);
        Map<String, ListingStore.Holder> holders = listings.lookup(distinct, asOf == null ? null : Times.endOf(asOf));
        if (asOf != null) {
            holders.replaceAll((uscc, h) -> new ListingStore.Holder(h.enterprise(),
                    h.listings().stream().map(l -> l.asOf(asOf)).toList()));
        }
        return holders;
    }

    public Page<Listing> search(ListingStore.Filter filter, int page, int size) {
        return listings.search(filter, page, size);
    }

    public List<StatusChange> statusHistory(UUID id) {
        return changeLog.statusHistory(id);
    }
}
