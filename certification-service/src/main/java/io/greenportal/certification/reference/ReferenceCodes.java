package io.greenportal.certification.reference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.greenportal.certification.RemoteCalls;
import io.greenportal.contracts.registry.v1.GetReferenceDataRequest;
import io.greenportal.contracts.registry.v1.ReferenceData;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceEntry;
import io.greenportal.platform.web.ApiException;
import io.grpc.StatusRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The region (GB/T 2260) and industry (GB/T 4754-2017) codes the registry validates against, fetched
 * from its ReferenceDataService and cached, so an application never carries a code the registry
 * would refuse at approval time. Refreshed every few hours; a failed refresh keeps the old tables.
 */
@Component
public class ReferenceCodes {

    private static final Logger log = LoggerFactory.getLogger(ReferenceCodes.class);
    private static final Duration MAX_AGE = Duration.ofHours(6);

    private final ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub registry;
    private final String provinceCode;
    private volatile Tables tables;

    record Tables(Map<String, String> regions, Map<String, String> industries, Instant loadedAt) {
    }

    public ReferenceCodes(ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub registry,
            @Value("${greenportal.province-code:640000}") String provinceCode) {
        this.registry = registry;
        this.provinceCode = provinceCode;
    }

    /** Why this region cannot carry an application here, or null when it can. */
    public String regionProblem(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return "must be a six-digit GB/T 2260 region code such as 640106";
        }
        // another province's code is answered as such, whether or not the registry's table holds it
        // (it holds this province's codes, and few others: 110101 is Beijing's, not an unknown code)
        if (!code.startsWith(provinceCode.substring(0, 2)) || code.equals(provinceCode)) {
            return "must be a city or county of the province " + provinceCode;
        }
        if (!tables().regions().containsKey(code)) {
            return "'" + code + "' is not a known GB/T 2260 region code";
        }
        return null;
    }

    public String industryProblem(String code) {
        if (code == null || !tables().industries().containsKey(code)) {
            return "'" + code + "' is not a GB/T 4754-2017 industry division such as C30";
        }
        return null;
    }

    public String regionName(String code) {
        return tables().regions().get(code);
    }

    public String provinceCode() {
        return provinceCode;
    }

    private Tables tables() {
        Tables current = tables;
        if (current != null && current.loadedAt().plus(MAX_AGE).isAfter(Instant.now(Clock.systemUTC()))) {
            return current;
        }
        RemoteCalls.requireNoTransaction("the registry");
        try {
            ReferenceData data = registry.withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getReferenceData(GetReferenceDataRequest.getDefaultInstance());
            current = new Tables(map(data.getRegionsList()), map(data.getIndustriesList()), Instant.now());
            tables = current;
            return current;
        } catch (StatusRuntimeException e) {
            if (current != null) {
                log.warn("could not refresh reference data from the registry, keeping the cached tables: {}", e.getStatus());
                return current;
            }
            throw ApiException.unavailable("dependency-unavailable", "The registry's reference data (regions, industries) is not reachable; "
                    + "nothing was changed. Try again shortly.");
        }
    }

    private static Map<String, String> map(java.util.List<ReferenceEntry> entries) {
        return entries.stream().collect(Collectors.toUnmodifiableMap(ReferenceEntry::getCode, ReferenceEntry::getName,
                (a, b) -> a));
    }
}
