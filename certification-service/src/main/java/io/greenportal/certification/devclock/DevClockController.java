package io.greenportal.certification.devclock;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.greenportal.certification.outbox.RegistryOutboxWorker;
import io.greenportal.certification.publicity.PublicitySweep;
import io.greenportal.certification.time.AdjustableClock;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Times;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The development clock, for end-to-end tests of the running local portal that cannot wait out a
 * five-day publicity: administrators read it and move it forward. It exists only with
 * {@code greenportal.dev-clock=true} (GP_DEV_CLOCK); without it these paths are 404. Never enable
 * it in production: it would let an administrator cut publicity periods short.
 */
@RestController
@RequestMapping("/api/v1/certification/dev/clock")
@ConditionalOnProperty(name = "greenportal.dev-clock", havingValue = "true")
@PreAuthorize("hasRole('admin')")
public class DevClockController {

    private final AdjustableClock clock;
    private final PublicitySweep sweep;
    private final RegistryOutboxWorker registryOutbox;

    public DevClockController(Clock clock, PublicitySweep sweep, RegistryOutboxWorker registryOutbox) {
        this.clock = (AdjustableClock) clock;
        this.sweep = sweep;
        this.registryOutbox = registryOutbox;
    }

    public record ClockState(OffsetDateTime now, Duration offset) {
    }

    public record Advance(String by) {
    }

    public record Advanced(OffsetDateTime now, Duration offset, int publicityClosed) {
    }

    @Operation(summary = "The service's current (development) time and how far it is ahead of the real one (administrators; dev only)")
    @GetMapping
    public ClockState get() {
        return new ClockState(Times.now(clock), clock.offset());
    }

    @Operation(summary = "Move the development clock forward by an ISO-8601 duration such as P5D or PT2H, then sweep publicity at once (administrators; dev only)")
    @PostMapping
    public Advanced advance(@RequestBody Advance request) {
        Duration by;
        try {
            by = Duration.parse(request == null || request.by() == null ? "" : request.by().strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("by", "must be an ISO-8601 duration such as P5D or PT2H");
        }
        if (by.isNegative() || by.isZero() || by.compareTo(Duration.ofDays(400)) > 0) {
            throw ApiException.invalid("by", "must be positive and at most 400 days (the clock only moves forward)");
        }
        clock.advance(by);
        int closed = sweep.sweep();
        registryOutbox.runDue();
        return new Advanced(Times.now(clock), clock.offset(), closed);
    }
}
