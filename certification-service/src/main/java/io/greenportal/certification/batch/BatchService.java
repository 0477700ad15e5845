package io.greenportal.certification.batch;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.ListingType;
import io.greenportal.certification.noticefeed.Notices;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening batches, and announcing them on the notice feed once their opening time has come. */
@Service
public class BatchService {

    static final int FIRST_YEAR = 2016;

    private final BatchStore batches;
    private final Notices notices;
    private final Clock clock;

    public BatchService(BatchStore batches, Notices notices, Clock clock) {
        this.batches = batches;
        this.notices = notices;
        this.clock = clock;
    }

    public record BatchRequest(String name, Integer year, List<String> types, OffsetDateTime opensAt,
            OffsetDateTime deadline, Integer publicityDays, BigDecimal passMark, Integer minExperts) {
    }

    @Transactional
    public Batch create(BatchRequest request, String actor) {
        return create(UUID.randomUUID(), request, actor);
    }

    /** With a chosen id (demo data: the same batch on every start). */
    @Transactional
    public Batch create(UUID id, BatchRequest request, String actor) {
        OffsetDateTime now = Times.now(clock);
        List<Violation> violations = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null) {
            violations.add(new Violation("name", "is required"));
        } else if (name.isEmpty()) {
            violations.add(new Violation("name", "must not be blank"));
        } else if (name.length() > 64) {
            violations.add(new Violation("name", "must be at most 64 characters"));
        }
        if (request.year() == null) {
            violations.add(new Violation("year", "is required"));
        } else if (request.year() < FIRST_YEAR || request.year() > now.getYear() + 1) {
            violations.add(new Violation("year", "must be between " + FIRST_YEAR + " and " + (now.getYear() + 1)));
        }
        LinkedHashSet<ListingType> types = new LinkedHashSet<>();
        if (request.types() == null || request.types().isEmpty()) {
            violations.add(new Violation("types", "name at least one listing type"));
        } else {
            for (String type : request.types()) {
                try {
                    types.add(ListingType.valueOf(String.valueOf(type).strip()));
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("types", "'" + type + "' is not one of " + List.of(ListingType.values())));
                }
            }
        }
        OffsetDateTime opensAt = request.opensAt() == null ? now : Times.local(request.opensAt());
        if (request.deadline() == null) {
            violations.add(new Violation("deadline", "is required"));
        } else if (!request.deadline().isAfter(opensAt) || !request.deadline().isAfter(now)) {
            violations.add(new Violation("deadline", "must be in the future and after opensAt"));
        }
        if (request.publicityDays() == null || request.publicityDays() < 1 || request.publicityDays() > 30) {
            violations.add(new Violation("publicityDays", "must be between 1 and 30 days"));
        }
        BigDecimal passMark = request.passMark();
        if (passMark == null || passMark.signum() < 0 || passMark.compareTo(BigDecimal.valueOf(100)) > 0
                || passMark.scale() > 2) {
            violations.add(new Violation("passMark", "must be a score between 0 and 100 (at most two decimals)"));
        }
        if (request.minExperts() == null || request.minExperts() < 3 || request.minExperts() > 15) {
            violations.add(new Violation("minExperts", "must be between 3 and 15"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        Batch batch = new Batch(id, name, request.year(), List.copyOf(types), opensAt,
                Times.local(request.deadline()), request.publicityDays(), passMark.setScale(2), request.minExperts(),
                actor, now);
        boolean openNow = !opensAt.isAfter(now);
        batches.insert(batch, openNow);
        if (openNow) {
            notices.batchOpened(batch, now);
        }
        return batch;
    }

    /** Announces batches whose opening time has passed since they were created. */
    @Transactional
    public int announceOpened() {
        OffsetDateTime now = Times.now(clock);
        List<Batch> opened = batches.lockUnannouncedOpenedBy(now);
        for (Batch batch : opened) {
            batches.markAnnounced(batch.id());
            notices.batchOpened(batch, now);
        }
        return opened.size();
    }

    public java.util.Optional<Batch> find(UUID id) {
        return batches.find(id);
    }

    public Batch get(UUID id) {
        return batches.find(id).orElseThrow(() -> ApiException.notFound("Batch " + id));
    }

    public List<Batch> list(boolean openOnly) {
        return batches.list(openOnly ? Times.now(clock) : null, 200);
    }

    public Batch.Phase phase(Batch batch) {
        return batch.phaseAt(Times.now(clock));
    }
}
