package io.greenportal.gateway.circuit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import reactor.netty.channel.AbortedException;

/**
 * Which errors count against a service's circuit: only its own failures (no connection, no answer in
 * time). A client that goes away, a body too large, a 4xx or a bug of ours say nothing about it.
 */
@Tag("unit")
class FailureTest {

    @Test
    void noConnectionIsAConnectFailureHoweverDeepItIsWrapped() {
        assertThat(ServiceCircuitFilter.Failure.of(new ConnectException("Connection refused"))).isEqualTo(
                ServiceCircuitFilter.Failure.CONNECT);
        assertThat(ServiceCircuitFilter.Failure.of(new IllegalStateException(new IOException(
                new ConnectTimeoutException("connection timed out: registry/10.42.0.9:8081")))))
                .isEqualTo(ServiceCircuitFilter.Failure.CONNECT);
        assertThat(ServiceCircuitFilter.Failure.of(new UnknownHostException("certification-service")))
                .isEqualTo(ServiceCircuitFilter.Failure.CONNECT);
    }

    @Test
    void noAnswerInTimeIsATimeout() {
        assertThat(ServiceCircuitFilter.Failure.of(ReadTimeoutException.INSTANCE)).isEqualTo(ServiceCircuitFilter.Failure.TIMEOUT);
        assertThat(ServiceCircuitFilter.Failure.of(new RuntimeException(new TimeoutException())))
                .isEqualTo(ServiceCircuitFilter.Failure.TIMEOUT);
        assertThat(ServiceCircuitFilter.Failure.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT)))
                .isEqualTo(ServiceCircuitFilter.Failure.TIMEOUT);
    }

    @Test
    void whatIsNotTheServicesDoingDoesNotCount() {
        assertThat(ServiceCircuitFilter.Failure.of(new ResponseStatusException(HttpStatus.BAD_GATEWAY))).isNull();
        assertThat(ServiceCircuitFilter.Failure.of(new ResponseStatusException(HttpStatus.NOT_FOUND))).isNull();
        assertThat(ServiceCircuitFilter.Failure.of(new IllegalArgumentException("a bug of ours"))).isNull();
        assertThat(ServiceCircuitFilter.Failure.of(new IOException("Connection reset by peer"))).isNull();
    }

    @Test
    void aConnectionDroppedMidAnswerIsTheServicesFailure() {
        assertThat(ServiceCircuitFilter.Failure.of(new AbortedException("Connection has been closed BEFORE send operation")))
                .isEqualTo(ServiceCircuitFilter.Failure.CONNECT);
    }
}
