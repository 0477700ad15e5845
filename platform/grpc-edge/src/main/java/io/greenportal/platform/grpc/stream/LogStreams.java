package io.greenportal.platform.grpc.stream;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import io.greenportal.platform.web.ApiException;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycleEvent;
import org.springframework.grpc.server.lifecycle.GrpcServerShutdownEvent;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * Serves an append-only log as a resumable gRPC server stream: everything after the sequence the
 * consumer names, in order, then new entries as they commit. Each stream runs on its own virtual
 * thread and respects the consumer's flow control, so a slow consumer is not buried in buffered
 * messages. When the server shuts down every open stream ends with UNAVAILABLE naming the last
 * sequence sent (within a second: the longest a stream waits for a wake-up), so the gRPC server
 * stops at once instead of waiting out its grace period, and consumers reconnect elsewhere. A server
 * that starts again (a test context that Spring's context cache paused and resumes) serves streams
 * again.
 */
public class LogStreams implements ApplicationListener<GrpcServerLifecycleEvent> {

    private static final Logger log = LoggerFactory.getLogger(LogStreams.class);

    private volatile boolean closing;

    /** Entries after a sequence, oldest first, at most {@code limit}. */
    @FunctionalInterface
    public interface Page<T> {
        List<T> after(long sequence, int limit);
    }

    /** Blocks until something new may have committed, or a short while (at most a second). */
    @FunctionalInterface
    public interface Wakeup {
        void await() throws InterruptedException;
    }

    /** One log: how to read it, how to wait on it. */
    public record Log<T>(String name, Page<T> page, ToLongFunction<T> sequence, Wakeup wakeup, int pageSize) {
    }

    /** Streams the log after {@code after} (INVALID_ARGUMENT {@code after_sequence} when negative). */
    public <T> void serve(Log<T> source, long after, StreamObserver<T> observer) {
        if (after < 0) {
            throw ApiException.invalid("after_sequence", "cannot be negative");
        }
        var stream = (ServerCallStreamObserver<T>) observer;
        Semaphore ready = new Semaphore(0);
        stream.setOnReadyHandler(ready::release);
        stream.setOnCancelHandler(ready::release);
        Thread.ofVirtual().name("stream-" + source.name()).start(() -> follow(source, after, stream, ready));
    }

    @Override
    public void onApplicationEvent(GrpcServerLifecycleEvent event) {
        if (event instanceof GrpcServerShutdownEvent) {
            closing = true;
        } else if (event instanceof GrpcServerStartedEvent) {
            closing = false;
        }
    }

    public boolean closing() {
        return closing;
    }

    private <T> void follow(Log<T> source, long after, ServerCallStreamObserver<T> stream, Semaphore ready) {
        long last = after;
        try {
            while (!stream.isCancelled() && !closing) {
                List<T> entries = source.page().after(last, source.pageSize());
                if (entries.isEmpty()) {
                    source.wakeup().await();
                    continue;
                }
                for (T entry : entries) {
                    while (!stream.isReady()) {
                        if (stream.isCancelled() || closing) {
                            end(source, stream, last);
                            return;
                        }
                        ready.tryAcquire(1, TimeUnit.SECONDS);
                    }
                    stream.onNext(entry);
                    last = source.sequence().applyAsLong(entry);
                }
            }
            end(source, stream, last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(source, stream, last);
        } catch (RuntimeException e) {
            if (!stream.isCancelled()) {
                log.warn("{} stream after {} ended: {}", source.name(), last, e.toString());
                stream.onError(Status.UNAVAILABLE.withDescription("the " + source.name()
                        + " feed was interrupted; reconnect after " + last).asRuntimeException());
            }
        }
    }

    private static void end(Log<?> source, ServerCallStreamObserver<?> stream, long last) {
        if (!stream.isCancelled()) {
            stream.onError(Status.UNAVAILABLE.withDescription("the server is shutting down; reconnect after " + last)
                    .asRuntimeException());
        }
    }
}
