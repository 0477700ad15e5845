package io.greenportal.incentive.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.protobuf.Timestamp;

import io.greenportal.contracts.registry.v1.EnterpriseListings;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.platform.creditcode.Uscc;
import io.greenportal.incentive.grpc.RegistryClient;
import io.greenportal.incentive.verification.Verification.EnterpriseInfo;
import io.greenportal.incentive.verification.Verification.ListingInfo;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Times;

import org.springframework.stereotype.Service;

/**
 * Verification by credit code. However many codes a bank sends (up to 1,000), the registry is asked
 * once, with one BatchLookup of the valid, distinct codes; invalid codes are answered here.
 */
@Service
public class VerificationService {

    public static final int MAX_BATCH = 1000;

    private final RegistryClient registry;
    private final Clock clock;

    public VerificationService(RegistryClient registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public Verification.Batch verify(List<String> codes, LocalDate asOf) {
        if (codes == null || codes.isEmpty()) {
            throw ApiException.invalid("usccs", "send between 1 and " + MAX_BATCH + " credit codes");
        }
        if (codes.size() > MAX_BATCH) {
            throw ApiException.invalid("usccs", "at most " + MAX_BATCH + " credit codes per batch, not " + codes.size());
        }
        checkAsOf(asOf);
        List<String> cleaned = codes.stream().map(c -> c == null ? "" : Uscc.normalize(c)).toList();
        List<String> valid = cleaned.stream().filter(Uscc::isValid).collect(Collectors.toCollection(LinkedHashSet::new))
                .stream().toList();
        Map<String, EnterpriseListings> answers = Map.of();
        OffsetDateTime validAsOf = OffsetDateTime.now(clock);
        if (!valid.isEmpty()) {
            var response = registry.batch(valid, asOf);
            validAsOf = time(response.getValidAsOf());
            answers = response.getResultsList().stream()
                    .collect(Collectors.toMap(EnterpriseListings::getUscc, Function.identity(), (a, b) -> a));
        }
        List<Verification> results = new ArrayList<>(cleaned.size());
        int found = 0;
        int invalid = 0;
        Iterator<String> original = codes.iterator();
        for (String code : cleaned) {
            String sent = original.next();
            String problem = Uscc.problem(code);
            if (problem != null) {
                invalid++;
                results.add(new Verification(sent, false, null, problem, null, null, null, null));
                continue;
            }
            Verification v = entry(code, answers.get(code), validAsOf, asOf);
            found += Boolean.TRUE.equals(v.found()) ? 1 : 0;
            results.add(v);
        }
        return new Verification.Batch(results.size(), found, results.size() - found - invalid, invalid, validAsOf, asOf,
                results);
    }

    public Verification verifyOne(String uscc, LocalDate asOf) {
        String code = uscc == null ? "" : Uscc.normalize(uscc);
        String problem = Uscc.problem(code);
        if (problem != null) {
            throw ApiException.invalid("uscc", problem);
        }
        return verify(List.of(code), asOf).results().getFirst();
    }

    private void checkAsOf(LocalDate asOf) {
        if (asOf != null && asOf.isAfter(LocalDate.now(clock))) {
            throw ApiException.invalid("asOf", "cannot be in the future");
        }
        if (asOf != null && asOf.getYear() < 2000) {
            throw ApiException.invalid("asOf", "must be a date from 2000 on");
        }
    }

    private static Verification entry(String uscc, EnterpriseListings answer, OffsetDateTime validAsOf, LocalDate asOf) {
        if (answer == null || !answer.getFound()) {
            return new Verification(uscc, true, false, null, null, List.of(), validAsOf, asOf);
        }
        var e = answer.getEnterprise();
        List<ListingInfo> listings = answer.getListingsList().stream().map(VerificationService::listing).toList();
        return new Verification(uscc, true, true, null,
                new EnterpriseInfo(e.getName(), e.getRegionCode(), blankToNull(e.getRegionName())), listings, validAsOf,
                asOf);
    }

    private static ListingInfo listing(Listing l) {
        var s = l.getSubject();
        String subject = firstNonBlank(s.getSiteName(), s.getParkName(),
                s.getProductName().isBlank() ? "" : (s.getProductName() + (s.getProductModel().isBlank() ? "" : " " + s.getProductModel())));
        return new ListingInfo(l.getId(), l.getType().name(), l.getLevel().name(), l.getStatus().name(),
                blankToNull(l.getStatusReason()), l.hasStatusChangedAt() ? time(l.getStatusChangedAt()) : null,
                l.getCertificateNumber(), l.getCertificateNumberAssigned(), l.getYear(), blankToNull(l.getGrantedOn()),
                subject);
    }

    private static OffsetDateTime time(Timestamp t) {
        return Times.local(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).atOffset(java.time.ZoneOffset.UTC));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
