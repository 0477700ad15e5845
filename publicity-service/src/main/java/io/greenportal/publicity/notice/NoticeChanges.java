package io.greenportal.publicity.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.publicity.announcements.AnnouncementStore;
import io.greenportal.publicity.announcements.Announcements;
import io.greenportal.publicity.cache.PublicCache;
import io.greenportal.publicity.changefeed.FeedPositions;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Applying notice changes, apart from the stream, so it can be exercised on its own. */
@Component
public class NoticeChanges {

    private final NoticeStore notices;
    private final AnnouncementStore announcements;
    private final FeedPositions positions;
    private final TransactionTemplate transactions;
    private final PublicCache cache;
    private final Clock clock;

    public NoticeChanges(NoticeStore notices, AnnouncementStore announcements, FeedPositions positions,
            TransactionTemplate transactions, PublicCache cache, Clock clock) {
        this.notices = notices;
        this.announcements = announcements;
        this.positions = positions;
        this.transactions = transactions;
        this.cache = cache;
        this.clock = clock;
    }

    public long position() {
        return positions.lastSequence(FeedPositions.CERTIFICATION);
    }

    /** Stores the notices, batches and announcements of these changes and the new position, in one transaction. */
    public void apply(List<NoticeChange> batch) {
        boolean changed = Boolean.TRUE.equals(transactions.execute(status -> {
            long last = positions.lastSequence(FeedPositions.CERTIFICATION);
            long newest = last;
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (NoticeChange change : batch) {
                if (change.getSequence() <= last) {
                    continue;
                }
                NoticeMapper.notice(change).ifPresent(n -> notices.save(n, now));
                NoticeMapper.batch(change).ifPresent(notices::save);
                Announcements.of(change).ifPresent(a -> announcements.insert(List.of(a)));
                newest = Math.max(newest, change.getSequence());
            }
            if (newest == last) {
                return false;
            }
            positions.advance(FeedPositions.CERTIFICATION, newest, null);
            return true;
        }));
        if (changed) {
            cache.invalidate();
        }
    }
}
