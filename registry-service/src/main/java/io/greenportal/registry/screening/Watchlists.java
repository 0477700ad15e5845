package io.greenportal.registry.screening;

import java.util.List;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;

import org.springframework.stereotype.Service;

/**
 * A finished screening kept as a watchlist: the firms it matched, for the bank that owns it. Another
 * bank's screening is "not found", never "forbidden", so its existence is not revealed.
 */
@Service
public class Watchlists {

    private final ScreeningStore store;

    public Watchlists(ScreeningStore store) {
        this.store = store;
    }

    public List<String> matchedFirms(UUID screeningId, String bankId) {
        ScreeningJob job = store.find(screeningId, bankId)
                .orElseThrow(() -> ApiException.notFound("Screening " + screeningId));
        if (job.status() != ScreeningJob.Status.DONE) {
            throw ApiException.conflict("screening-not-done", "screening_id", "Screening " + screeningId + " is "
                    + job.status() + ": only a finished (DONE) screening can be watched");
        }
        return store.matchedUsccs(screeningId);
    }
}
