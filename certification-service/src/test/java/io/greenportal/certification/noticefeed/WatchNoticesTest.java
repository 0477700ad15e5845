package io.greenportal.certification.noticefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import io.greenportal.certification.batch.BatchService;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeChangeKind;
import io.greenportal.contracts.certification.v1.NoticeFeedServiceGrpc;
import io.greenportal.contracts.certification.v1.WatchNoticesRequest;
import io.greenportal.platform.test.ConcurrentWriters;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.LateCommit;
import io.greenportal.platform.test.StreamConsumer;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.platform.web.Times;
import io.grpc.ManagedChannel;
import io.grpc.Status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionTemplate;

/** The notice feed the publicity service follows: ordered, gap-free, resumable, for services only. */
@IntegrationTest
class WatchNoticesTest {

    @Value("${local.grpc.port}")
    int grpcPort;

    @Autowired
    NoticeLog notices;

    @Autowired
    BatchService batches;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Autowired
    javax.sql.DataSource dataSource;

    ManagedChannel channel;
    NoticeFeedServiceGrpc.NoticeFeedServiceStub feed;

    @BeforeEach
    void connect() {
        channel = Grpc.channel(grpcPort);
        feed = Grpc.as(NoticeFeedServiceGrpc.newStub(channel), Tokens.client("publicity-service"));
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    /** A consumer of the feed that a test can read from and hang up. */
    static final class Consumer extends StreamConsumer<WatchNoticesRequest, NoticeChange> {
    }

    Consumer watch(NoticeFeedServiceGrpc.NoticeFeedServiceStub stub, long after) {
        Consumer consumer = new Consumer();
        stub.watchNotices(WatchNoticesRequest.newBuilder().setAfterSequence(after).build(), consumer);
        return consumer;
    }

    String openBatch() {
        var now = Times.now(clock);
        return batches.create(new BatchService.BatchRequest("通知测试批次", now.getYear(), List.of("GREEN_PARK"),
                now.minusMinutes(1), now.plusDays(10), 5, BigDecimal.valueOf(70), 3), "admin").id().toString();
    }

    @Test
    void aConsumerThatHangsUpAndResumesMissesNothingAndSeesNothingTwice() throws Exception {
        long start = notices.lastSequence();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            written.add(openBatch());
        }
        Consumer first = watch(feed, start);
        List<NoticeChange> seen = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            seen.add(first.next());
        }
        first.hangUp();
        Consumer resumed = watch(feed, seen.getLast().getSequence());
        while (seen.size() < 30) {
            NoticeChange change = resumed.next();
            assertThat(change).as("change %d after resuming", seen.size()).isNotNull();
            seen.add(change);
        }
        resumed.hangUp();

        assertThat(seen.stream().map(NoticeChange::getSequence).toList())
                .isEqualTo(LongStream.rangeClosed(start + 1, start + 30).boxed().toList());
        assertThat(seen.stream().map(c -> c.getBatch().getId()).toList()).isEqualTo(written);
        assertThat(seen).allMatch(c -> c.getKind() == NoticeChangeKind.BATCH_OPENED);
    }

    @Test
    void concurrentWritersAreSeenInOrderWithoutGaps() throws Exception {
        long start = notices.lastSequence();
        Consumer consumer = watch(feed, start);
        int writers = 6;
        int each = 15;
        Set<String> written = ConcurrentWriters.write(writers, each, this::openBatch);
        List<NoticeChange> seen = new ArrayList<>();
        while (seen.size() < writers * each) {
            NoticeChange change = consumer.next();
            assertThat(change).as("change %d", seen.size() + 1).isNotNull();
            seen.add(change);
        }
        consumer.hangUp();
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).getSequence()).isEqualTo(start + 1 + i);
        }
        assertThat(seen.stream().map(c -> c.getBatch().getId()).collect(java.util.stream.Collectors.toSet()))
                .isEqualTo(written);
    }

    /** A notice numbered first but committed late must not be skipped by a reader that saw a later one. */
    @Test
    void aLowerNumberThatCommitsLateIsNeverSkipped() throws Exception {
        long start = notices.lastSequence();
        Consumer consumer = watch(feed, start);
        var written = LateCommit.twoWriters(transactions, dataSource, this::openBatch, this::openBatch);
        String slowId = written.first();
        String fast = written.second();

        NoticeChange first = consumer.next();
        NoticeChange second = consumer.next();
        consumer.hangUp();
        assertThat(first.getSequence()).isEqualTo(start + 1);
        assertThat(first.getBatch().getId()).isEqualTo(slowId);
        assertThat(second.getSequence()).isEqualTo(start + 2);
        assertThat(second.getBatch().getId()).isEqualTo(fast);
    }

    /**
     * A consumer waiting at the tail gets a notice written after it got there. How soon is a timing,
     * which belongs to the benchmark (scripts/bench does not measure it yet), not to this test.
     */
    @Test
    void aWaitingConsumerGetsALiveChange() throws Exception {
        Consumer consumer = watch(feed, notices.lastSequence());
        String marker = openBatch();
        assertThat(consumer.next(Duration.ofSeconds(30))).as("the marker notice: the stream is at the tail, live")
                .extracting(c -> c.getBatch().getId()).isEqualTo(marker);
        String id = openBatch();
        NoticeChange change = consumer.next(Duration.ofSeconds(30));
        consumer.hangUp();
        assertThat(change).isNotNull();
        assertThat(change.getBatch().getId()).isEqualTo(id);
    }

    @Test
    void theFeedIsForServicesAndAdministratorsOnly() throws Exception {
        Consumer asEnterprise = watch(Grpc.as(NoticeFeedServiceGrpc.newStub(channel), Tokens.user("ent-a")), 0);
        Consumer anonymous = watch(NoticeFeedServiceGrpc.newStub(channel), 0);
        Consumer negative = watch(feed, -1);
        Waiting.atMost(Duration.ofSeconds(30), "the three streams are refused")
                .until(() -> asEnterprise.error != null && anonymous.error != null && negative.error != null);
        assertThat(Status.fromThrowable(asEnterprise.error).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(Status.fromThrowable(anonymous.error).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(Status.fromThrowable(negative.error).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

        Consumer admin = watch(Grpc.as(NoticeFeedServiceGrpc.newStub(channel), Tokens.user("admin")), 0);
        assertThat(admin.next()).isNotNull();
        admin.hangUp();
    }
}
