package io.greenportal.registry.changefeed;

import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.platform.grpc.stream.LogStreams;
import io.greenportal.platform.pgsignals.PgSignal;
import io.greenportal.platform.pgsignals.PgSignals;
import io.greenportal.registry.grpc.ProtoMapper;
import io.grpc.stub.StreamObserver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * {@code WatchChanges(after_sequence)}: every change after the given sequence in order, then live
 * changes as they commit (woken by the change log's NOTIFY), with the consumer's flow control; the
 * stream ends with UNAVAILABLE when the server shuts down (grpc-edge's LogStreams).
 */
@Service
public class WatchChangesGrpcService extends ChangeFeedServiceGrpc.ChangeFeedServiceImplBase {

    static final int PAGE = 500;

    private final LogStreams streams;
    private final LogStreams.Log<io.greenportal.contracts.registry.v1.Change> log;

    public WatchChangesGrpcService(ChangeLog changeLog, PgSignal changeSignal, LogStreams streams) {
        this.streams = streams;
        this.log = new LogStreams.Log<>("change",
                (after, limit) -> changeLog.readAfter(after, limit).stream().map(ProtoMapper::toProto).toList(),
                io.greenportal.contracts.registry.v1.Change::getSequence, changeSignal::await, PAGE);
    }

    @Override
    public void watchChanges(WatchChangesRequest request,
            StreamObserver<io.greenportal.contracts.registry.v1.Change> observer) {
        streams.serve(log, request.getAfterSequence(), observer);
    }

    /** Wakes the streams when a change commits (ChangeLog NOTIFYs on {@link ChangeLog#CHANNEL}). */
    @Configuration(proxyBeanMethods = false)
    static class Signal {

        @Bean
        PgSignal changeSignal(PgSignals signals) {
            return signals.on(ChangeLog.CHANNEL);
        }
    }
}
