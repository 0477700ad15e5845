package io.greenportal.certification.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request on its own (virtual) thread, and when its answer came: tests compare the order in which
 * answers arrive ("the unrelated request was answered while the stuck one was still waiting") rather
 * than how long each took.
 */
public final class InFlight {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer and the moment ({@link System#nanoTime()}) it arrived. */
    public record Answer(int status, String contentType, String body, long arrivedAt) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean before(Answer other) {
            return arrivedAt - other.arrivedAt < 0;
        }
    }

    private final CompletableFuture<Answer> answer;

    private InFlight(Supplier<RestTestClient.ResponseSpec> request) {
        answer = CompletableFuture.supplyAsync(() -> now(request), runnable -> Thread.ofVirtual().start(runnable));
    }

    public static InFlight start(Supplier<RestTestClient.ResponseSpec> request) {
        return new InFlight(request);
    }

    /** Sends the request on this thread. */
    public static Answer now(Supplier<RestTestClient.ResponseSpec> request) {
        var result = request.get().returnResult(String.class);
        var type = result.getResponseHeaders().getContentType();
        return new Answer(result.getStatus().value(), type == null ? null : type.toString(), result.getResponseBody(),
                System.nanoTime());
    }

    public boolean answered() {
        return answer.isDone();
    }

    public Answer await(Duration atMost) throws Exception {
        return answer.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }
}
