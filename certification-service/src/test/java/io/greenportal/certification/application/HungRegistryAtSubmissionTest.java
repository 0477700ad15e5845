package io.greenportal.certification.application;

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
import io.greenportal.certification.support.TestData;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Submission asks the registry for the enterprise's registered name. While the registry hangs, the
 * submissions waiting on it hold no row lock and no database connection: more of them than the pool
 * has connections, and still every other request of the service, on the same rows and others, is
 * answered while they wait. Each then ends at its deadline with a 503, nothing submitted.
 */
@BehindStallingProxies
class HungRegistryAtSubmissionTest {

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

    /** A complete draft of ent-a with its evaluation report: ready to submit. */
    String ready() {
        String id = flow.draft("ent-a", batch, "640106");
        flow.evaluated("ent-a", id);
        return id;
    }

    InFlight submit(String id) {
        return InFlight.start(() -> flow.post("ent-a", "applications/" + id + "/submit", Map.of()));
    }

    @Test
    void submissionsWaitingOnAHungRegistryBlockNoOtherRequest() throws Exception {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < STUCK; i++) {
            waiting.add(ready());
        }
        String other = ready();
        String inReview = flow.submitted("ent-a", batch, "640106");

        StallingPeers.REGISTRY.stall();
        long sent = StallingPeers.REGISTRY.bytesFromClients();
        List<InFlight> stuck = waiting.stream().map(this::submit).toList();
        Waiting.atMost(Duration.ofSeconds(30), "the submissions reach the registry")
                .until(() -> StallingPeers.REGISTRY.bytesFromClients() > sent);
        assertThat(stuck).as("waiting on the hung registry").noneMatch(InFlight::answered);

        List<Answer> unrelated = new ArrayList<>();
        // the same rows: read one, withdraw another (it takes the row lock a stuck submission would hold)
        unrelated.add(InFlight.now(() -> flow.get("ent-a", "applications/" + waiting.get(0))));
        unrelated.add(InFlight.now(() -> flow.post("ent-a", "applications/" + waiting.get(1) + "/withdraw", Map.of())));
        // other rows: edit a draft, decide a review, list
        unrelated.add(InFlight.now(() -> flow.put("ent-a", "applications/" + other, TestData.factory(batch, "640106"))));
        unrelated.add(InFlight.now(() -> flow.post("rev-city", "applications/" + inReview + "/reviews",
                Map.of("decision", "APPROVE", "comment", "同意"))));
        unrelated.add(InFlight.now(() -> flow.get("ent-a", "applications?state=DRAFT")));

        assertThat(unrelated).extracting(Answer::status).containsExactly(200, 200, 200, 201, 200);
        assertThat(unrelated.get(0).json().get("application").get("state").asString()).isEqualTo("DRAFT");
        assertThat(unrelated.get(1).json().get("state").asString()).isEqualTo("WITHDRAWN");

        List<Answer> timedOut = new ArrayList<>();
        for (InFlight submission : stuck) {
            timedOut.add(submission.await(Duration.ofSeconds(30)));
        }
        Answer lastUnrelated = unrelated.getLast();
        assertThat(timedOut).as("every unrelated request was answered while the submissions still waited")
                .allMatch(lastUnrelated::before);
        assertThat(StallingPeers.REGISTRY.stalled()).isTrue();
        assertThat(timedOut).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(flow.application("ent-a", waiting.get(0)).get("state").asString()).isEqualTo("DRAFT");
        assertThat(flow.application("ent-a", waiting.get(0)).get("round").asInt()).isZero();

        StallingPeers.REGISTRY.resume();
        assertThat(Flow.json(flow.post("ent-a", "applications/" + waiting.get(0) + "/submit", Map.of()),
                org.springframework.http.HttpStatus.OK).get("state").asString()).isEqualTo("MUNICIPAL_REVIEW");
    }

    @Test
    void aSubmissionWhoseApplicationWasWithdrawnWhileItAskedTheRegistryIsRefused() throws Exception {
        String id = ready();
        StallingPeers.REGISTRY.stall();
        long sent = StallingPeers.REGISTRY.bytesFromClients();
        InFlight submission = submit(id);
        Waiting.atMost(Duration.ofSeconds(30), "the submission reaches the registry")
                .until(() -> StallingPeers.REGISTRY.bytesFromClients() > sent);
        assertThat(submission.answered()).isFalse();
        flow.post("ent-a", "applications/" + id + "/withdraw", Map.of()).expectStatus().isOk();
        StallingPeers.REGISTRY.resume();

        Answer refused = submission.await(Duration.ofSeconds(30));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("currentState").asString()).isEqualTo("WITHDRAWN");
        assertThat(flow.application("ent-a", id).get("round").asInt()).isZero();
    }
}
