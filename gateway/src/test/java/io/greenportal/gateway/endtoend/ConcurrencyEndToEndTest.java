package io.greenportal.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.greenportal.gateway.support.PortalClient;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Concurrency through the running gateway, as a publicity day brings it: many callers at once reach
 * the services (no limit in the gateway below what they take), and thirty reviewers approving on one
 * budget at the same moment get exactly the affordable approvals and a 409 for the rest, never a 5xx.
 */
class ConcurrencyEndToEndTest {

    final PortalClient portal = new PortalClient();

    static <T> List<T> allAtOnce(int count, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        List<T> results = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        }
        return results;
    }

    @Test
    void thirtyTwoConcurrentReadsOfEachServiceAreAllAnswered() throws Exception {
        assertThat(allAtOnce(32, () -> portal.send("ent-a", "GET", "/api/v1/registry/listings", null).statusCode()))
                .containsOnly(200);
        assertThat(allAtOnce(32, () -> portal.send("ent-b", "GET", "/api/v1/certification/applications", null).statusCode()))
                .containsOnly(200);
        assertThat(allAtOnce(32, () -> portal.send("bank-a", "GET", "/api/v1/incentives/credit-referrals", null).statusCode()))
                .containsOnly(200);
        assertThat(allAtOnce(32, () -> portal.send("anonymous", "GET", "/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5",
                null).statusCode())).containsOnly(200);
    }

    @Test
    void thirtyConcurrentApprovalsOnOneBudgetApproveExactlyTheAffordableOnes() throws Exception {
        String listingId = activeListingOfEntA();
        // 10 % of a 1,000,000 investment is 100,000 per project: the 2,000,000 budget affords twenty
        String program = """
                {"code":"E2E-%s","name":"省级绿色制造推广技改资金（并发测试）","kind":"RETROFIT",
                 "opensAt":"2025-01-01T00:00:00+08:00","closesAt":"%s","budget":"2000000.00",
                 "eligibility":{"regions":["640000"]},"amountRule":{"share":"0.10","cap":"25000000.00"}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        OffsetDateTime.now(ZoneOffset.ofHours(8)).plusYears(1));
        var created = portal.send("admin", "POST", "/api/v1/incentives/programs", program);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String programId = portal.json(created.body()).get("id").asString();

        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var application = portal.send("ent-a", "POST", "/api/v1/incentives/subsidy-applications", """
                    {"programId":"%s","listingId":"%s","project":{"name":"节能改造项目 %d","totalInvestment":"1000000.00"}}"""
                    .formatted(programId, listingId, i + 1));
            assertThat(application.statusCode()).as(application.body()).isEqualTo(201);
            applications.add(portal.json(application.body()).get("id").asString());
        }

        portal.getJson("rev-prov", "/api/v1/incentives/programs/" + programId); // its token, fetched once
        var next = applications.iterator();
        List<Integer> statuses = allAtOnce(30, () -> {
            String id;
            synchronized (next) {
                id = next.next();
            }
            return portal.send("rev-prov", "POST", "/api/v1/incentives/subsidy-applications/" + id + "/approval",
                    "{\"amount\":\"100000.00\"}").statusCode();
        });

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(20);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(10);
        JsonNode committed = portal.getJson("admin", "/api/v1/incentives/programs/" + programId);
        assertThat(committed.get("committed").decimalValue()).isEqualByComparingTo("2000000.00");
    }

    private String activeListingOfEntA() {
        for (JsonNode listing : portal.getJson("ent-a", "/api/v1/registry/listings?size=100").get("items")) {
            if (listing.get("status").asString().equals("ACTIVE")) {
                return listing.get("id").asString();
            }
        }
        throw new IllegalStateException("the demo data gives ent-a no active listing");
    }
}
