package io.greenportal.publicity.changefeed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.platform.tracing.ChangeTraces;
import io.greenportal.publicity.PublicityProperties;
import io.greenportal.publicity.announcements.Announcement;
import io.greenportal.publicity.announcements.AnnouncementStore;
import io.greenportal.publicity.announcements.Announcements;
import io.greenportal.publicity.cache.PublicCache;
import io.greenportal.publicity.search.ListingDocument;
import io.greenportal.publicity.search.ListingIndex;
import io.greenportal.publicity.search.ListingIndexer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the registry's {@code WatchChanges} into the public index. Each batch is written to
 * Elasticsearch first (versioned by sequence, visible when the call returns), then its
 * announcements and the new position are stored in one PostgreSQL transaction, then the cache is
 * invalidated. Elasticsearch or PostgreSQL being down therefore only delays: the batch is read
 * again from the registry after a back-off.
 */
@Component
public class RegistryFeed extends FeedFollower<Change> {

    private static final Logger log = LoggerFactory.getLogger(RegistryFeed.class);

    private final ChangeFeedServiceGrpc.ChangeFeedServiceStub feed;
    private final ListingIndex index;
    private final ListingIndexer indexer;
    private final FeedPositions positions;
    private final AnnouncementStore announcements;
    private final TransactionTemplate transactions;
    private final PublicCache cache;

    public RegistryFeed(ChangeFeedServiceGrpc.ChangeFeedServiceStub registryChangeFeed, ListingIndex index,
            ListingIndexer indexer, FeedPositions positions, AnnouncementStore announcements,
            TransactionTemplate transactions, PublicCache cache, PublicityProperties properties, Clock clock,
            ChangeTraces traces) {
        super(FeedPositions.REGISTRY, properties.feeds(), clock, traces);
        this.feed = registryChangeFeed;
        this.index = index;
        this.indexer = indexer;
        this.positions = positions;
        this.announcements = announcements;
        this.transactions = transactions;
        this.cache = cache;
    }

    /**
     * Finds the live index behind the alias, creating it on first start. A position recorded for
     * another index (the index was lost or recreated) is worthless: the feed is replayed from 0.
     */
    @Override
    protected void prepare() throws Exception {
        indexer.exclusively(() -> {
            String live = index.current().orElse(null);
            if (live == null) {
                live = index.create();
                index.switchTo(live);
                log.info("created the public index {} behind the alias {}", live, index.alias());
            }
            indexer.useLive(live);
            var position = positions.get(FeedPositions.REGISTRY);
            if (position.isEmpty() || !live.equals(position.get().indexName())) {
                if (position.isPresent()) {
                    log.warn("the registry position {} belongs to index {}, not to {}: replaying the feed from the start",
                            position.get().lastSequence(), position.get().indexName(), live);
                }
                positions.restart(FeedPositions.REGISTRY, live);
            }
            return null;
        });
    }

    @Override
    protected long position() {
        return positions.lastSequence(FeedPositions.REGISTRY);
    }

    @Override
    protected FeedStream<?, Change> open(long after, int window) {
        FeedStream<WatchChangesRequest, Change> stream = new FeedStream<>(window);
        feed.watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(after).build(), stream);
        return stream;
    }

    @Override
    protected String traceparent(Change change) {
        return change.getTraceparent();
    }

    @Override
    protected void apply(List<Change> batch) throws Exception {
        boolean changed = indexer.exclusively(() -> {
            long last = positions.lastSequence(FeedPositions.REGISTRY);
            List<ListingDocument> documents = new ArrayList<>(batch.size());
            List<Announcement> news = new ArrayList<>();
            long newest = last;
            for (Change change : batch) {
                if (change.getSequence() <= last) {
                    continue;
                }
                if (change.getSequence() != newest + 1) {
                    log.warn("registry feed skipped from {} to {}", newest, change.getSequence());
                }
                documents.add(ListingDocument.from(change.getListing(), change.getSequence()));
                Announcements.of(change).ifPresent(news::add);
                newest = change.getSequence();
            }
            if (documents.isEmpty()) {
                return false;
            }
            indexer.write(documents);
            long position = newest;
            transactions.executeWithoutResult(status -> {
                announcements.insert(news);
                positions.advance(FeedPositions.REGISTRY, position, indexer.live());
            });
            return true;
        });
        if (changed) {
            cache.invalidate();
        }
    }
}
