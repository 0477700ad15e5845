package io.greenportal.platform.test;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/** A consumer of a gRPC server stream (a change feed) that a test can read from and hang up. */
public class StreamConsumer<Q, T> implements ClientResponseObserver<Q, T> {

    public final BlockingQueue<T> received = new LinkedBlockingQueue<>();
    public volatile Throwable error;
    public volatile boolean completed;
    public volatile ClientCallStreamObserver<Q> call;

    @Override
    public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
        call = requestStream;
    }

    @Override
    public void onNext(T value) {
        received.add(value);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {
        completed = true;
    }

    /** The next message, or null when none came within {@code timeout}. */
    public T next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next message within 5 s, or null. */
    public T next() throws InterruptedException {
        return next(Duration.ofSeconds(5));
    }

    /** Whether the server ended the stream, with an error or without. */
    public boolean ended() {
        return error != null || completed;
    }

    public void hangUp() {
        call.cancel("test hangs up", null);
    }
}
