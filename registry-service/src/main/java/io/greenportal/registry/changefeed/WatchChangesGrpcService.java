package io.greenportal.registry.changefeed;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.registry.grpc.ProtoMapper;
import io.greenportal.registry.web.ApiException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code WatchChanges(after_sequence)}: every change after the given sequence in order, then live
 * changes as they commit. Each stream runs on its own virtual thread and respects the consumer's
 * flow control, so a slow consumer is not buried in buffered messages.
 */
@Service
public class WatchChangesGrpcService extends ChangeFeedServiceGrpc.ChangeFeedServiceImplBase {

    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(WatchChangesGrpcService.class);

    private final ChangeLog changeLog;
    private final ChangeSignal signal;

    public WatchChangesGrpcService(ChangeLog changeLog, ChangeSignal signal) {
        this.changeLog = changeLog;
        this.signal = signal;
    }

    @Override
    public void watchChanges(WatchChangesRequest request,
            StreamObserver<io.greenportal.contracts.registry.v1.Change> observer) {
        if (request.getAfterSequence() < 0) {
            throw ApiException.invalid("after_sequence", "cannot be negative");
        }
        var stream = (ServerCallStreamObserver<io.greenportal.contracts.registry.v1.Change>) observer;
        Semaphore ready = new Semaphore(0);
        stream.setOnReadyHandler(ready::release);
        stream.setOnCancelHandler(ready::release);
        Thread.ofVirtual().name("watch-changes").start(() -> follow(request.getAfterSequence(), stream, ready));
    }

    private void follow(long after, ServerCallStreamObserver<io.greenportal.contracts.registry.v1.Change> stream,
            Semaphore ready) {
        long last = after;
        try {
            while (!stream.isCancelled()) {
                List<Change> changes = changeLog.readAfter(last, PAGE);
                if (changes.isEmpty()) {
                    signal.await();
                    continue;
                }
                for (Change change : changes) {
                    while (!stream.isReady()) {
                        if (stream.isCancelled()) {
                            return;
                        }
                        ready.tryAcquire(1, TimeUnit.SECONDS);
                    }
                    stream.onNext(ProtoMapper.toProto(change));
                    last = change.sequence();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stream.isCancelled()) {
                log.warn("change stream after {} ended: {}", last, e.toString());
                stream.onError(Status.UNAVAILABLE.withDescription("the change feed was interrupted; reconnect after "
                        + last).asRuntimeException());
            }
        }
    }
}
