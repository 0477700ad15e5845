package io.greenportal.certification.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.certification.support.Flow;
import io.greenportal.platform.test.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the evaluator role may not do (as the authorization matrix says through the gateway): an
 * evaluator reads only the applications naming its body and acts only on their engagement.
 */
@IntegrationTest
class EvaluatorRightsTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Test
    void anEvaluatorIsRefusedEverythingButItsBodysEngagements() {
        Flow flow = new Flow(rest, clock);
        String batch = flow.batch();
        String id = flow.submitted("ent-a", batch, "640106");
        for (String path : List.of("applications", "batches", "batches/" + batch, "applications/" + id + "/reviews",
                "applications/" + id + "/scores", "applications/" + id + "/expert-assignments", "annual-reports",
                "evaluation-bodies", "expert-conflicts", "sanction-reviews", "national/rounds", "national/deliveries",
                "batches/" + batch + "/evaluation-cap", "dev/clock")) {
            assertThat(flow.get("eval-a", path).returnResult(String.class).getStatus())
                    .as("GET %s as eval-a", path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        for (String path : List.of("applications/" + id + "/submit", "applications/" + id + "/withdraw",
                "applications/" + id + "/reviews", "applications/" + id + "/scores", "evaluation-bodies",
                "national/rounds", "expert-conflicts", "sanction-reviews/" + UUID.randomUUID() + "/decision")) {
            assertThat(flow.post("eval-a", path, Map.of()).returnResult(String.class).getStatus())
                    .as("POST %s as eval-a", path).isEqualTo(HttpStatus.FORBIDDEN);
        }
        // what names its body: readable; an enterprise and the other reviewers' roles cannot act for the body
        flow.get("eval-a", "applications/" + id).expectStatus().isOk();
        flow.get("eval-a", "applications/" + id + "/history").expectStatus().isOk();
        flow.get("eval-a", "applications/" + id + "/documents").expectStatus().isOk();
        flow.get("eval-b", "applications/" + id + "/documents").expectStatus().isNotFound();
        for (String user : List.of("ent-a", "rev-city", "rev-prov", "expert1", "admin")) {
            flow.post(user, "applications/" + id + "/engagement/confirmation", null).expectStatus().isForbidden();
            flow.get(user, "engagements").expectStatus().isForbidden();
        }
        flow.post(null, "applications/" + id + "/engagement/confirmation", null).expectStatus().isUnauthorized();
        flow.get(null, "engagements").expectStatus().isUnauthorized();
    }
}
