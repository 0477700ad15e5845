package io.greenportal.incentive.program;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.greenportal.incentive.Money;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.ApiException.Violation;
import io.greenportal.platform.web.IdempotencyKeys;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.greenportal.platform.web.FreeText;

@Service
public class ProgramService {

    private final ProgramStore store;
    private final Clock clock;

    public ProgramService(ProgramStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record Created(Program program, boolean created) {
    }

    /** Creates a program; a repeated Idempotency-Key of the same administrator returns the first one. */
    @Transactional
    public Created create(ProgramRules.Valid v, String actor, String idempotencyKey) {
        String fingerprint = idempotencyKey == null ? null : IdempotencyKeys.fingerprint(v);
        if (idempotencyKey != null) {
            var existing = IdempotencyKeys.replay(store.findByIdempotencyKey(actor, idempotencyKey, fingerprint));
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
        }
        if (store.findByCode(v.code()).isPresent()) {
            return sameRequestOrDuplicate(actor, idempotencyKey, fingerprint, v.code());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Program program = new Program(UUID.randomUUID(), v.code(), v.name(), v.kind(), v.description(), v.eligibility(),
                v.amountRule(), v.opensAt(), v.closesAt(), v.budget(), Money.ZERO, Money.ZERO, now, actor, now);
        if (!store.insert(program, idempotencyKey, fingerprint)) {
            return sameRequestOrDuplicate(actor, idempotencyKey, fingerprint, v.code());
        }
        return new Created(store.find(program.id()).orElseThrow(), true);
    }

    /**
     * The code is taken: by this very request, retried at the same moment under its Idempotency-Key
     * (the first one's program is the answer), or by another program (409).
     */
    private Created sameRequestOrDuplicate(String actor, String idempotencyKey, String fingerprint, String code) {
        if (idempotencyKey != null) {
            var first = IdempotencyKeys.replay(store.findByIdempotencyKey(actor, idempotencyKey, fingerprint));
            if (first.isPresent()) {
                return new Created(first.get(), false);
            }
        }
        throw duplicateCode(code);
    }

    public Program get(UUID id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Program " + id));
    }

    public List<Program> list(ProgramKind kind, boolean openNow) {
        return store.list(kind, openNow ? OffsetDateTime.now(clock) : null);
    }

    /** What may change after creation; {@code others} collects every other field sent, to refuse it by name. */
    @Schema(name = "ProgramChanges")
    public record Changes(String name, @FreeText String description, OffsetDateTime opensAt, OffsetDateTime closesAt,
            BigDecimal budget, @JsonAnySetter @Schema(hidden = true) Map<String, Object> others) {
    }

    /** Fixed at creation: applicants applied under these, so they stay as they saw them. */
    static final List<String> FIXED = List.of("code", "kind", "eligibility", "amountRule");
    /** Kept by the service itself. */
    static final List<String> DERIVED = List.of("id", "committed", "disbursed", "remaining", "createdAt", "createdBy",
            "updatedAt");
    static final String CHANGEABLE = "name, description, opensAt, closesAt, budget";

    @Transactional
    public Program update(UUID id, Changes c) {
        // what the body says is judged before the program is looked up: a bad body is a 400 whether or not it exists
        if (c == null) {
            throw ApiException.invalid("body", "send the fields to change: " + CHANGEABLE);
        }
        if (c.others() != null && !c.others().isEmpty()) {
            throw ApiException.invalid(c.others().keySet().stream().map(ProgramService::unchangeable).toList());
        }
        BigDecimal newBudget = c.budget() == null ? null : Money.check("budget", c.budget()); // whether or not the program exists
        Program current = get(id);
        String name = c.name() == null ? current.name() : c.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiException.invalid("name", "must be 1-200 characters");
        }
        String description = c.description() == null ? current.description() : c.description().strip();
        if (description != null && description.length() > 4000) {
            throw ApiException.invalid("description", "must be at most 4000 characters");
        }
        OffsetDateTime opensAt = c.opensAt() == null ? current.opensAt() : c.opensAt();
        OffsetDateTime closesAt = c.closesAt() == null ? current.closesAt() : c.closesAt();
        if (!opensAt.isBefore(closesAt)) {
            throw ApiException.invalid("closesAt", "must be after opensAt");
        }
        BigDecimal budget = newBudget == null ? current.budget() : newBudget;
        if (!store.update(id, name, description, opensAt, closesAt, budget, OffsetDateTime.now(clock))) {
            throw ApiException.conflict("budget-below-committed", "budget", "The budget cannot fall below the "
                    + current.committed().toPlainString() + " CNY already approved")
                    .withProperty("committed", current.committed());
        }
        return get(id);
    }

    private static Violation unchangeable(String field) {
        if (FIXED.contains(field)) {
            return new Violation(field, "cannot be changed after creation: applicants applied under it; define a new program instead");
        }
        if (DERIVED.contains(field)) {
            return new Violation(field, "is kept by the service and cannot be set");
        }
        return new Violation(field, "is not a field of a program; a change may name " + CHANGEABLE);
    }

    private static ApiException duplicateCode(String code) {
        return ApiException.conflict("duplicate-program-code", "code", "A program with code " + code + " exists already");
    }
}
