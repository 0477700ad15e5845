package io.greenportal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import io.greenportal.gateway.requestid.RequestIdFilter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import reactor.core.publisher.Mono;

/**
 * A request the gateway itself fails is answered with a problem that shows no internals and says
 * the log has the reason under the request's id: the logged lines carry that id, although the
 * gateway does not carry thread-locals through reactive signals.
 */
@Tag("unit")
class StatusProblemsTest {

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(StatusProblems.class),
            (Logger) LoggerFactory.getLogger("io.greenportal.gateway.access"));

    StatusProblemsTest() {
        logged.start();
        loggers.forEach(logger -> logger.addAppender(logged));
    }

    @AfterEach
    void detach() {
        loggers.forEach(logger -> logger.detachAppender(logged));
    }

    @Test
    void theErrorAndAccessLinesOfAFailedRequestCarryItsRequestId() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/registry/listings")
                .header("X-Request-Id", "bank-a:verify-0001")
                .remoteAddress(new InetSocketAddress("203.0.113.45", 50123)));

        new RequestIdFilter(new ClientAddress(0, "", true))
                .filter(exchange, e -> Mono.error(new IllegalStateException("a bug in a filter")))
                .onErrorResume(error -> new StatusProblems().handle(exchange, error))
                .block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("under this request's id")
                .doesNotContain("a bug in a filter");
        assertThat(logged.list).extracting(ILoggingEvent::getLoggerName)
                .containsExactly(StatusProblems.class.getName(), "io.greenportal.gateway.access");
        assertThat(logged.list).allSatisfy(line ->
                assertThat(line.getMDCPropertyMap()).containsEntry("X-Request-Id", "bank-a:verify-0001"));
        assertThat(logged.list.getFirst().getThrowableProxy().getMessage()).isEqualTo("a bug in a filter");
        assertThat(MDC.get("X-Request-Id")).as("the logging context is restored").isNull();
    }
}
