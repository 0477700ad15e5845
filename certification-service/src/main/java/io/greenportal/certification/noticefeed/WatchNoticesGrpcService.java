package io.greenportal.certification.noticefeed;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.greenportal.certification.web.ApiException;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.certification.v1.NoticeFeedServiceGrpc;
import io.greenportal.contracts.certification.v1.WatchNoticesRequest;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code WatchNotices(after_sequence)}: every notice change after the given sequence in order, then
 * live ones as they commit. Each stream runs on its own virtual thread and respects the consumer's
 * flow control. The publicity service follows it (resuming from the last sequence it applied).
 */
@Service
public class WatchNoticesGrpcService extends NoticeFeedServiceGrpc.NoticeFeedServiceImplBase {

    static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(WatchNoticesGrpcService.class);

    private final NoticeLog notices;
    private final NoticeSignal signal;

    public WatchNoticesGrpcService(NoticeLog notices, NoticeSignal signal) {
        this.notices = notices;
        this.signal = signal;
    }

    @Override
    public void watchNotices(WatchNoticesRequest request, StreamObserver<NoticeChange> observer) {
        if (request.getAfterSequence() < 0) {
            throw ApiException.invalid("after_sequence", "cannot be negative");
        }
        var stream = (ServerCallStreamObserver<NoticeChange>) observer;
        Semaphore ready = new Semaphore(0);
        stream.setOnReadyHandler(ready::release);
        stream.setOnCancelHandler(ready::release);
        Thread.ofVirtual().name("watch-notices").start(() -> follow(request.getAfterSequence(), stream, ready));
    }

    private void follow(long after, ServerCallStreamObserver<NoticeChange> stream, Semaphore ready) {
        long last = after;
        try {
            while (!stream.isCancelled()) {
                List<NoticeChange> changes = notices.readAfter(last, PAGE);
                if (changes.isEmpty()) {
                    signal.await();
                    continue;
                }
                for (NoticeChange change : changes) {
                    while (!stream.isReady()) {
                        if (stream.isCancelled()) {
                            return;
                        }
                        ready.tryAcquire(1, TimeUnit.SECONDS);
                    }
                    stream.onNext(change);
                    last = change.getSequence();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stream.isCancelled()) {
                log.warn("notice stream after {} ended: {}", last, e.toString());
                stream.onError(Status.UNAVAILABLE.withDescription("the notice feed was interrupted; reconnect after "
                        + last).asRuntimeException());
            }
        }
    }
}
