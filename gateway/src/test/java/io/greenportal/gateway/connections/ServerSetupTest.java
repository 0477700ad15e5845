package io.greenportal.gateway.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.greenportal.gateway.GatewayApplication;

import reactor.netty.http.server.HttpServer;

/**
 * How the gateway's server and its client to the services are set up on Reactor Netty.
 * <p>
 * Which of Reactor Netty's own time-outs the server carries. Its request time-out must stay
 * off: it schedules a task per request that keeps the finished request in memory until the time-out
 * passes (measured: 21,165 of 21,000 requests still held after a 5-minute time-out, none without it),
 * which at publicity-day rates fills the heap. {@link WireRefusals} answers 408 at the request
 * time-out with a timer it cancels when the request completes.
 * <p>
 * Which transport both use: the JDK's NIO, not native epoll, under which some connections waited
 * seconds unread under load (see {@link GatewayApplication}).
 */
@Tag("unit")
class ServerSetupTest {

    final ConnectionProperties properties = new ConnectionProperties(Duration.ofSeconds(60), Duration.ofSeconds(20),
            Duration.ofMinutes(5), 256);

    HttpServer configured() {
        return new ClientConnections(properties, "", 0, DataSize.ofKilobytes(4), DataSize.ofKilobytes(8))
                .apply(HttpServer.create());
    }

    @Test
    void noPerRequestTimerThatHoldsFinishedRequests() {
        assertThat(configured().configuration().requestTimeout()).isNull();
    }

    @Test
    void theGatewayClassChoosesNioSocketsBeforeItsMainRuns() throws Exception {
        Class.forName(GatewayApplication.class.getName()); // what starting the JVM at main does first
        assertThat(System.getProperty("reactor.netty.native")).isEqualTo("false");
    }

    @Test
    void idleAndReadTimeOutsStayAsBackstops() {
        assertThat(configured().configuration().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(configured().configuration().readTimeout()).isEqualTo(Duration.ofSeconds(21));
    }
}
