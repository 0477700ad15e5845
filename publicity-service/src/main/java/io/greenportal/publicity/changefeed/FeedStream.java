package io.greenportal.publicity.changefeed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;

/**
 * One server stream of a change feed, read in batches by a single consumer thread. Flow control
 * keeps at most {@code window} messages in flight: the consumer asks for more only after it has
 * applied what it took, so a slow Elasticsearch never fills the heap.
 */
public final class FeedStream<Q, T> implements ClientResponseObserver<Q, T> {

    /** The stream ended (an error, or the server closed it): reconnect from the stored position. */
    public static final class Ended extends RuntimeException {
        Ended(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Object COMPLETED = new Object();

    private final int window;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile ClientCallStreamObserver<Q> call;

    public FeedStream(int window) {
        this.window = window;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
        this.call = requestStream;
        requestStream.disableAutoRequestWithInitial(window);
    }

    @Override
    public void onNext(T value) {
        queue.add(value);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onCompleted() {
        queue.add(COMPLETED);
    }

    /**
     * Up to {@code max} messages: waits at most {@code wait} for the first, then takes what has
     * already arrived. Empty when nothing came in time.
     */
    @SuppressWarnings("unchecked")
    public List<T> next(int max, Duration wait) throws InterruptedException {
        Object first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        List<T> batch = new ArrayList<>();
        if (first == null) {
            return batch;
        }
        Object item = first;
        while (item != null) {
            if (item == COMPLETED) {
                if (batch.isEmpty()) {
                    throw new Ended("the server closed the stream", null);
                }
                queue.add(COMPLETED);
                return batch;
            }
            if (item instanceof Throwable t) {
                if (batch.isEmpty()) {
                    throw new Ended(t.getMessage(), t);
                }
                queue.add(t);
                return batch;
            }
            batch.add((T) item);
            if (batch.size() >= max) {
                break;
            }
            item = queue.poll();
        }
        return batch;
    }

    /** The consumer applied {@code count} messages: let as many more come. */
    public void applied(int count) {
        if (call != null && count > 0) {
            call.request(count);
        }
    }

    public void cancel() {
        if (call != null) {
            call.cancel("consumer stops", null);
        }
    }
}
