package io.greenportal.certification.publicity;

import java.time.Clock;
import java.util.UUID;

import io.greenportal.certification.application.ApplicationStore;
import io.greenportal.certification.batch.BatchService;
import io.greenportal.platform.web.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds: approves applications whose publicity has ended (each in its own transaction)
 * and announces batches whose opening time has come. Safe to run on several instances at once: every
 * step locks and re-checks its row.
 */
@Component
public class PublicitySweep {

    private static final Logger log = LoggerFactory.getLogger(PublicitySweep.class);

    private final ApplicationStore applications;
    private final PublicityService publicity;
    private final BatchService batches;
    private final Clock clock;

    public PublicitySweep(ApplicationStore applications, PublicityService publicity, BatchService batches, Clock clock) {
        this.applications = applications;
        this.publicity = publicity;
        this.batches = batches;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${greenportal.publicity.sweep-interval:3s}",
            initialDelayString = "${greenportal.publicity.sweep-interval:3s}")
    public synchronized int sweep() {
        int closed = 0;
        try {
            batches.announceOpened();
            for (UUID id : applications.publicityEndedBy(Times.now(clock), 200)) {
                closed += publicity.closeIfEnded(id) ? 1 : 0;
            }
        } catch (RuntimeException e) {
            log.warn("publicity sweep failed; the next one retries: {}", e.toString());
        }
        return closed;
    }
}
