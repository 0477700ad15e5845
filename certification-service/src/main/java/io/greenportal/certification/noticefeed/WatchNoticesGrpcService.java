package io.greenportal.certification.noticefeed;

import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeFeedServiceGrpc;
import io.greenportal.contracts.certification.v1.WatchNoticesRequest;
import io.greenportal.platform.grpc.stream.LogStreams;
import io.greenportal.platform.pgsignals.PgSignal;
import io.greenportal.platform.pgsignals.PgSignals;
import io.grpc.stub.StreamObserver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * {@code WatchNotices(after_sequence)}: every notice change after the given sequence in order, then
 * live ones as they commit (woken by the notice log's NOTIFY), with the consumer's flow control; the
 * stream ends with UNAVAILABLE when the server shuts down (grpc-edge's LogStreams). The publicity
 * service follows it (resuming from the last sequence it applied).
 */
@Service
public class WatchNoticesGrpcService extends NoticeFeedServiceGrpc.NoticeFeedServiceImplBase {

    static final int PAGE = 500;

    private final LogStreams streams;
    private final LogStreams.Log<NoticeChange> log;

    public WatchNoticesGrpcService(NoticeLog notices, PgSignal noticeSignal, LogStreams streams) {
        this.streams = streams;
        this.log = new LogStreams.Log<>("notice", notices::readAfter, NoticeChange::getSequence, noticeSignal::await,
                PAGE);
    }

    @Override
    public void watchNotices(WatchNoticesRequest request, StreamObserver<NoticeChange> observer) {
        streams.serve(log, request.getAfterSequence(), observer);
    }

    /** Wakes the streams when a notice change commits (NoticeLog NOTIFYs on {@link NoticeLog#CHANNEL}). */
    @Configuration(proxyBeanMethods = false)
    static class Signal {

        @Bean
        PgSignal noticeSignal(PgSignals signals) {
            return signals.on(NoticeLog.CHANNEL);
        }
    }
}
