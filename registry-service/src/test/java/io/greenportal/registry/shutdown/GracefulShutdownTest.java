package io.greenportal.registry.shutdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.platform.pgsignals.PgSignal;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.StreamConsumer;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.registry.RegistryApplication;
import io.greenportal.registry.changefeed.ChangeLog;
import io.greenportal.registry.support.TestData;
import io.grpc.ManagedChannel;
import io.grpc.Status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry stops within its shutdown phase (20 s, spring.lifecycle.timeout-per-shutdown-phase)
 * while a consumer follows the change feed: the stream ends (UNAVAILABLE, so the consumer
 * reconnects elsewhere) instead of holding the gRPC server for its grace period, and the LISTEN
 * connection is closed. Before, an open WatchChanges kept the server up for 30 s and the pod was
 * killed. A context of its own, since it is closed.
 */
class GracefulShutdownTest {

    static final Duration BUDGET = Duration.ofSeconds(20);

    @Test
    void stopsWithinItsShutdownPhaseEndingOpenStreamsAndClosingTheListenConnection() throws Exception {
        String listenerName = "shutdown-test-" + UUID.randomUUID();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.grpc.server.port=0",
                        "--greenportal.pg-signals.application-name=" + listenerName);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        ManagedChannel channel = Grpc.channel(Integer.parseInt(app.getEnvironment().getProperty("local.grpc.port")));
        try {
            PgSignal signal = app.getBean("changeSignal", PgSignal.class);
            Waiting.atMost(Duration.ofSeconds(10), "the change listener is connected").until(signal::listening);
            assertThat(listeners(jdbc, listenerName)).isEqualTo(1);

            StreamConsumer<WatchChangesRequest, Change> follower = new StreamConsumer<>();
            Grpc.as(ChangeFeedServiceGrpc.newStub(channel), Tokens.client("publicity-service")).watchChanges(
                    WatchChangesRequest.newBuilder().setAfterSequence(app.getBean(ChangeLog.class).lastSequence()).build(),
                    follower);
            String id = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("certification-service"))
                    .registerListing(TestData.product(UUID.randomUUID().toString(), TestData.uscc("640104"))).getListing().getId();
            Change live = follower.next(Duration.ofSeconds(10));
            assertThat(live).as("the stream is following live changes").isNotNull();
            assertThat(live.getListing().getId()).isEqualTo(id);

            long start = System.nanoTime();
            app.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).as("time from close to stopped").isLessThan(BUDGET);
            Waiting.atMost(Duration.ofSeconds(5), "the consumer sees its stream end").until(follower::ended);
            assertThat(Status.fromThrowable(follower.error).getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            JdbcClient outside = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    app.getEnvironment().getProperty("spring.datasource.url"),
                    app.getEnvironment().getProperty("spring.datasource.username"),
                    app.getEnvironment().getProperty("spring.datasource.password")));
            Waiting.atMost(Duration.ofSeconds(5), "the LISTEN connection is closed")
                    .until(() -> listeners(outside, listenerName) == 0);
        } finally {
            channel.shutdownNow();
            app.close();
        }
    }

    static long listeners(JdbcClient jdbc, String applicationName) {
        return jdbc.sql("select count(*) from pg_stat_activity where application_name = :name")
                .param("name", applicationName).query(Long.class).single();
    }
}
