package io.greenportal.publicity.notice;

import java.time.Clock;
import java.util.List;

import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeFeedServiceGrpc;
import io.greenportal.contracts.certification.v1.WatchNoticesRequest;
import io.greenportal.platform.tracing.ChangeTraces;
import io.greenportal.publicity.PublicityProperties;
import io.greenportal.publicity.changefeed.FeedFollower;
import io.greenportal.publicity.changefeed.FeedStream;

import org.springframework.stereotype.Component;

/**
 * Follows the certification service's {@code WatchNotices}: publicity notices, their outcomes and
 * batch openings. While the certification service is down (or not deployed yet) it retries
 * quietly with back-off and resumes from the stored position.
 */
@Component
public class NoticeFeed extends FeedFollower<NoticeChange> {

    private final NoticeFeedServiceGrpc.NoticeFeedServiceStub feed;
    private final NoticeChanges changes;

    public NoticeFeed(NoticeFeedServiceGrpc.NoticeFeedServiceStub certificationNoticeFeed, NoticeChanges changes,
            PublicityProperties properties, Clock clock, ChangeTraces traces) {
        super("certification", properties.feeds(), clock, traces);
        this.feed = certificationNoticeFeed;
        this.changes = changes;
    }

    @Override
    protected long position() {
        return changes.position();
    }

    @Override
    protected FeedStream<?, NoticeChange> open(long after, int window) {
        FeedStream<WatchNoticesRequest, NoticeChange> stream = new FeedStream<>(window);
        feed.watchNotices(WatchNoticesRequest.newBuilder().setAfterSequence(after).build(), stream);
        return stream;
    }

    @Override
    protected String traceparent(NoticeChange change) {
        return change.getTraceparent();
    }

    @Override
    protected void apply(List<NoticeChange> batch) {
        changes.apply(batch);
    }
}
