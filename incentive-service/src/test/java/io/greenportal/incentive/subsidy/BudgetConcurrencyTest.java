package io.greenportal.incentive.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.incentive.support.Api;
import io.greenportal.incentive.support.IntegrationTest;
import io.greenportal.incentive.support.Programs;
import io.greenportal.incentive.support.Registry;
import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** Fifty reviewers approving at the same moment never overspend a budget that affords twenty. */
@IntegrationTest
class BudgetConcurrencyTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyConcurrentApprovalsCommitExactlyWhatTheBudgetAffords() throws Exception {
        Api api = new Api(rest);
        String listingId = Registry.entA("factory-2025", ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025).getId();
        String programId = Programs.create(api, Programs.retrofit("2000000.00")).get("id").asString();
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            applications.add(Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                    Map.of("programId", programId, "listingId", listingId,
                            "project", Map.of("name", "节能改造项目 " + (i + 1), "totalInvestment", "1000000.00"))),
                    HttpStatus.CREATED).get("id").asString());
        }
        String reviewer = Tokens.user("rev-prov");

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(50);
        List<Future<Integer>> outcomes = new ArrayList<>();
        try {
            for (String id : applications) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return rest.post().uri(Api.BASE + "/subsidy-applications/" + id + "/approval")
                            .header("Authorization", "Bearer " + reviewer)
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                            .body(Map.of("amount", "100000.00")).exchange()
                            .returnResult(String.class).getStatus().value();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(20);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(30);
        } finally {
            threads.shutdownNow();
        }

        JsonNode program = Api.json(api.get(Tokens.user("admin"), "/programs/" + programId), HttpStatus.OK);
        assertThat(program.get("committed").decimalValue()).isEqualByComparingTo("2000000.00");
        BigDecimal approvedSum = jdbc.sql("select coalesce(sum(approved_amount), 0) from subsidy_application "
                        + "where program_id = cast(:p as uuid) and status = 'APPROVED'")
                .param("p", programId).query(BigDecimal.class).single();
        assertThat(approvedSum).isEqualByComparingTo("2000000.00");
        assertThat(jdbc.sql("select count(*) from subsidy_application where program_id = cast(:p as uuid) and status = 'SUBMITTED'")
                .param("p", programId).query(Long.class).single()).isEqualTo(30);
    }
}
