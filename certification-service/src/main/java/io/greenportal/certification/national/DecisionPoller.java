package io.greenportal.certification.national;

import io.greenportal.platform.web.ApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks the national platform for the decisions of every dossier that may still get one (delivered and
 * undecided, or accepted: a removal may follow), everything after the last applied version, and hands
 * them to the same {@link DecisionIntake} as the callbacks. A platform that does not answer is asked
 * again at the next poll; nothing is lost meanwhile.
 */
@Component
public class DecisionPoller {

    private static final Logger log = LoggerFactory.getLogger(DecisionPoller.class);

    private final NationalStore store;
    private final NationalPlatformClient platform;
    private final DecisionIntake decisions;
    private final boolean enabled;

    public DecisionPoller(NationalStore store, NationalPlatformClient platform, DecisionIntake decisions,
            @Value("${greenportal.national.polling:true}") boolean enabled) {
        this.store = store;
        this.platform = platform;
        this.decisions = decisions;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${greenportal.national.poll-interval:60s}",
            initialDelayString = "${greenportal.national.poll-interval:60s}")
    void scheduled() {
        if (enabled) {
            poll();
        }
    }

    /** Every dossier that may still get a decision (greenportal.national.polling=false: only when called). */
    public void poll() {
        for (Dossier dossier : store.awaitingDecisions(200)) {
            poll(dossier);
        }
    }

    /** One dossier's new decisions; answers how many were applied or held now. */
    public int poll(Dossier dossier) {
        try {
            int taken = 0;
            for (DecisionEvent event : platform.decisions(dossier.id(), dossier.appliedVersion())) {
                try {
                    if (decisions.receive(event, "POLL") != DecisionIntake.Result.DUPLICATE) {
                        taken++;
                    }
                } catch (ApiException refused) {
                    log.warn("national dossier {}: decision {} refused: {}", dossier.id(), event.eventId(),
                            refused.getMessage());
                }
            }
            return taken;
        } catch (RuntimeException e) {
            log.warn("national dossier {}: decisions could not be polled: {}", dossier.id(), e.toString());
            return 0;
        }
    }
}
