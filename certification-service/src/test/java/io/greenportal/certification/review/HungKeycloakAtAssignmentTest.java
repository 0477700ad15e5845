package io.greenportal.certification.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.greenportal.certification.support.BehindStallingProxies;
import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.InFlight;
import io.greenportal.certification.support.InFlight.Answer;
import io.greenportal.certification.support.StallingPeers;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Expert assignment asks Keycloak's admin API who the experts are. While Keycloak hangs, the
 * assignments waiting on it hold no row lock and no database connection: more of them than the pool
 * has connections, and every other request of the service is still answered while they wait. Each
 * then ends at the read timeout with a 503, nobody assigned.
 */
@BehindStallingProxies
class HungKeycloakAtAssignmentTest {

    /** More than the pool's 3 connections. */
    static final int STUCK = 5;

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    Flow flow;
    String batch;

    @BeforeEach
    void setUp() {
        flow = new Flow(rest, clock);
        batch = flow.batch();
    }

    @AfterEach
    void resume() {
        StallingPeers.resumeAll();
    }

    InFlight assign(String id) {
        return InFlight.start(() -> flow.post("rev-prov", "applications/" + id + "/expert-assignments",
                Map.of("experts", List.of("expert1", "expert2", "expert3"))));
    }

    @Test
    void assignmentsWaitingOnAHungKeycloakBlockNoOtherRequest() throws Exception {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < STUCK; i++) {
            waiting.add(flow.inExpertReview("ent-a", batch, "640106"));
        }
        String inProvincialReview = flow.submitted("ent-a", batch, "640106");
        flow.decide("rev-city", inProvincialReview, "APPROVE", "同意");

        StallingPeers.KEYCLOAK.stall();
        long sent = StallingPeers.KEYCLOAK.bytesFromClients();
        List<InFlight> stuck = waiting.stream().map(this::assign).toList();
        Waiting.atMost(Duration.ofSeconds(30), "the assignments reach Keycloak")
                .until(() -> StallingPeers.KEYCLOAK.bytesFromClients() > sent);
        assertThat(stuck).as("waiting on the hung Keycloak").noneMatch(InFlight::answered);

        List<Answer> unrelated = new ArrayList<>();
        // the same rows: the application and its (still empty) assignments
        unrelated.add(InFlight.now(() -> flow.get("rev-prov", "applications/" + waiting.get(0))));
        unrelated.add(InFlight.now(() -> flow.get("rev-prov", "applications/" + waiting.get(1) + "/expert-assignments")));
        // other rows: a provincial decision, the enterprise's list
        unrelated.add(InFlight.now(() -> flow.post("rev-prov", "applications/" + inProvincialReview + "/reviews",
                Map.of("decision", "APPROVE", "comment", "复核通过"))));
        unrelated.add(InFlight.now(() -> flow.get("ent-a", "applications?state=EXPERT_REVIEW")));

        assertThat(unrelated).extracting(Answer::status).containsExactly(200, 200, 201, 200);
        assertThat(unrelated.get(0).json().get("application").get("state").asString()).isEqualTo("EXPERT_REVIEW");

        List<Answer> timedOut = new ArrayList<>();
        for (InFlight assignment : stuck) {
            timedOut.add(assignment.await(Duration.ofSeconds(60)));
        }
        Answer lastUnrelated = unrelated.getLast();
        assertThat(timedOut).as("every unrelated request was answered while the assignments still waited")
                .allMatch(lastUnrelated::before);
        assertThat(StallingPeers.KEYCLOAK.stalled()).isTrue();
        assertThat(timedOut).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(Flow.json(flow.get("rev-prov", "applications/" + waiting.get(0) + "/expert-assignments"),
                HttpStatus.OK).get("items")).isEmpty();

        StallingPeers.KEYCLOAK.resume();
        flow.assign(waiting.get(0), "expert1", "expert2", "expert3");
        assertThat(Flow.json(flow.get("rev-prov", "applications/" + waiting.get(0) + "/expert-assignments"),
                HttpStatus.OK).get("items")).hasSize(3);
    }
}
