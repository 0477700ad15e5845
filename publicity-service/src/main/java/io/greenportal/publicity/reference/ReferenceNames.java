package io.greenportal.publicity.reference;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.greenportal.contracts.registry.v1.GetReferenceDataRequest;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Names of regions (GB/T 2260) and industries (GB/T 4754) for facets and statistics, fetched from
 * the registry's reference data in the background (never on a request thread). Until it arrives,
 * answers carry codes without names.
 */
@Component
public class ReferenceNames {

    private static final Logger log = LoggerFactory.getLogger(ReferenceNames.class);
    private static final Duration REFRESH = Duration.ofHours(6);

    private final ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub registry;
    private volatile Map<String, String> regions = Map.of();
    private volatile Map<String, String> industries = Map.of();
    private volatile long loadedAt;

    public ReferenceNames(ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub registryReferenceData) {
        this.registry = registryReferenceData;
    }

    public String region(String code) {
        return code == null ? null : regions.get(code);
    }

    public String industry(String code) {
        return code == null ? null : industries.get(code);
    }

    public boolean loaded() {
        return !regions.isEmpty();
    }

    @Scheduled(initialDelay = 0, fixedDelay = 30, timeUnit = TimeUnit.SECONDS)
    void load() {
        if (loaded() && System.nanoTime() - loadedAt < REFRESH.toNanos()) {
            return;
        }
        try {
            var data = registry.withDeadlineAfter(5, TimeUnit.SECONDS).getReferenceData(
                    GetReferenceDataRequest.getDefaultInstance());
            Map<String, String> r = new HashMap<>();
            data.getRegionsList().forEach(e -> r.put(e.getCode(), e.getName()));
            Map<String, String> i = new HashMap<>();
            data.getIndustriesList().forEach(e -> i.put(e.getCode(), e.getName()));
            regions = Map.copyOf(r);
            industries = Map.copyOf(i);
            loadedAt = System.nanoTime();
        } catch (RuntimeException e) {
            log.debug("reference data not available yet: {}", e.getMessage());
        }
    }
}
