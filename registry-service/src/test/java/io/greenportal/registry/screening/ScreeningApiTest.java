package io.greenportal.registry.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.registry.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class ScreeningApiTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    String register(String uscc, String name) {
        return rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(TestData.factory(uscc, name)).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    RestTestClient.ResponseSpec upload(String token, String fileName, String content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        var request = rest.post().uri("/api/v1/registry/screenings").contentType(MediaType.MULTIPART_FORM_DATA).body(parts);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    JsonNode job(String token, String id) {
        return rest.get().uri("/api/v1/registry/screenings/" + id).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    String done(String token, String id) {
        Waiting.atMost(Duration.ofSeconds(30), "the screening is done")
                .until(() -> job(token, id).get("status").asString().equals("DONE"));
        return id;
    }

    @Test
    void aBankScreensACsvPortfolioAndDownloadsMatchesCandidatesAndNoMatches() {
        String code = TestData.uscc("640106");
        register(code, "宁夏筛查示例水泥有限公司");
        String other = TestData.uscc("640106");
        register(other, "宁夏筛选样本化工有限公司");
        String csv = "统一社会信用代码,企业名称,客户编号\n"
                + code + ",,LOAN-001\n"
                + ",寧夏篩查示例水泥股份有限公司,LOAN-002\n"
                + ",宁夏筛选样本化学有限公司,LOAN-003\n"
                + ",北京完全不同科技有限公司,LOAN-004\n";
        JsonNode started = upload(Tokens.client("bank-a"), "portfolio.csv", csv).expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(started.get("rowsTotal").asInt()).isEqualTo(4);
        String id = done(Tokens.client("bank-a"), started.get("id").asString());
        JsonNode job = job(Tokens.client("bank-a"), id);
        assertThat(job.get("progressPercent").asInt()).isEqualTo(100);
        assertThat(job.get("matched").asInt()).isEqualTo(2);
        assertThat(job.get("candidates").asInt()).isEqualTo(1);
        assertThat(job.get("noMatch").asInt()).isEqualTo(1);

        JsonNode results = rest.get().uri("/api/v1/registry/screenings/" + id + "/results?format=json")
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("matchedBy").asString()).isEqualTo("CREDIT_CODE");
        assertThat(results.get(0).get("listings").get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(results.get(0).get("listings").get(0).get("certificateNumberAssigned").asBoolean())
                .as("entered without a number: the bank is told it is the registry's, not a certificate").isTrue();
        // a time in the results is written as the listing's own answer writes it (seconds kept at midnight too)
        JsonNode matched = results.get(0).get("listings").get(0);
        JsonNode listing = rest.get().uri("/api/v1/registry/listings/" + matched.get("id").asString())
                .header("Authorization", "Bearer " + Tokens.user("admin")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(matched.get("statusChangedAt").asString())
                .isEqualTo(listing.get("listing").get("statusChangedAt").asString()).matches(".*T\\d\\d:\\d\\d:\\d\\d.*");
        assertThat(results.get(1).get("matchedBy").asString()).isEqualTo("NAME");
        assertThat(results.get(1).get("uscc").asString()).isEqualTo(code);
        assertThat(results.get(2).get("outcome").asString()).isEqualTo("CANDIDATES");
        assertThat(results.get(2).get("candidates").get(0).get("uscc").asString()).isEqualTo(other);
        assertThat(results.get(3).get("outcome").asString()).isEqualTo("NO_MATCH");
        assertThat(results.get(3).get("reference").asString()).isEqualTo("LOAN-004");

        String download = rest.get().uri("/api/v1/registry/screenings/" + id + "/results?outcome=NO_MATCH")
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv").expectBody(String.class).returnResult().getResponseBody();
        assertThat(download.lines().toList()).hasSize(2);
        assertThat(download).contains("LOAN-004", "NO_MATCH").doesNotContain("LOAN-001");
    }

    @Test
    void oneBankNeverSeesAnothersJobsAndOnlyBanksScreen() {
        String id = upload(Tokens.client("bank-a"), "p.json", "[{\"name\": \"宁夏某某有限公司\", \"reference\": \"X\"}]")
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        done(Tokens.client("bank-a"), id);
        rest.get().uri("/api/v1/registry/screenings/" + id).header("Authorization", "Bearer " + Tokens.client("bank-b"))
                .exchange().expectStatus().isNotFound();
        rest.get().uri("/api/v1/registry/screenings/" + id + "/results")
                .header("Authorization", "Bearer " + Tokens.client("bank-b")).exchange().expectStatus().isNotFound();
        JsonNode list = rest.get().uri("/api/v1/registry/screenings").header("Authorization", "Bearer " + Tokens.client("bank-b"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        list.get("items").forEach(j -> assertThat(j.get("id").asString()).isNotEqualTo(id));
        upload(Tokens.user("ent-a"), "p.csv", "name\nx\n").expectStatus().isForbidden();
        upload(Tokens.user("admin"), "p.csv", "name\nx\n").expectStatus().isForbidden();
        upload(null, "p.csv", "name\nx\n").expectStatus().isUnauthorized();
        rest.get().uri("/api/v1/registry/screenings/" + UUID.randomUUID())
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isNotFound();
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeNamingTheFileAndStartsNothing() {
        long before = jdbc.sql("select count(*) from screening_job").query(Long.class).single();
        upload(Tokens.client("bank-a"), "p.csv", "loan,amount\n1,2\n").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.field").isEqualTo("file");
        upload(Tokens.client("bank-a"), "p.json", "{\"rows\": [{\"name\": 5}]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("file");
        // a NUL in a cell was accepted, then failed the job at the database with its SQL for a reason
        upload(Tokens.client("bank-a"), "p.csv", "credit_code,name\n91640100MA76A00010,x\u0000y\n").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.field").isEqualTo("file")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("line 2", "NUL"));
        upload(Tokens.client("bank-a"), "p.json", "[{\"name\": \"x\\u0000y\"}]").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("file");
        // the parser's own words name Java classes (StreamReadConstraints...): the bank is told where, not that
        upload(Tokens.client("bank-a"), "p.json", "[".repeat(2_000)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("nests too deeply").doesNotContain("Constraints", "()"));
        upload(Tokens.client("bank-a"), "p.json", "[{\"name\": \"x\"},\n{\"name\" 1}]").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("is not well-formed JSON near line 2");
        upload(Tokens.client("bank-a"), "p.txt.exe", "name\nx\n").expectStatus().isBadRequest();
        // the name is kept and shown in the bank's list of jobs: a plain file name, as for documents
        for (String name : new String[] {"../../etc/passwd", "C:\\x\\y.csv", "<script>.csv", "a\"b;c.csv", "   ",
                "x".repeat(121) + ".csv", "x".repeat(5_000) + ".csv"}) {
            upload(Tokens.client("bank-a"), name, "credit_code\n91640100MA76A00010\n").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.field").isEqualTo("file")
                    .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("file"));
        }
        var twoFiles = new LinkedMultiValueMap<String, Object>();
        for (String name : new String[] {"a.csv", "b.csv"}) {
            twoFiles.add("file", new ByteArrayResource("credit_code\n91640100MA76A00010\n".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        rest.post().uri("/api/v1/registry/screenings").contentType(MediaType.MULTIPART_FORM_DATA).body(twoFiles)
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("file");
        upload(Tokens.client("bank-a"), "p.csv", "name\n").expectStatus().isBadRequest();
        var tooMany = new StringBuilder("name\n");
        for (int i = 0; i <= PortfolioParser.MAX_ROWS; i++) {
            tooMany.append("n").append(i).append('\n');
        }
        upload(Tokens.client("bank-a"), "p.csv", tooMany.toString()).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.field").isEqualTo("file");
        rest.get().uri("/api/v1/registry/screenings/" + UUID.randomUUID() + "/results?format=xml")
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isNotFound();
        assertThat(jdbc.sql("select count(*) from screening_job").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aKeptScreeningGivesAMonthlyDigestOfItsFirmsStatusChanges() {
        String code = TestData.uscc("640106");
        String listing = register(code, "宁夏月报测试建材有限公司");
        String id = upload(Tokens.client("bank-a"), "watch.csv", "credit_code\n" + code + "\n").expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        done(Tokens.client("bank-a"), id);
        rest.post().uri("/api/v1/registry/listings/" + listing + "/status").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(java.util.Map.of("action", "SUSPEND", "reason", "年度复核不合格"))
                .exchange().expectStatus().isOk();
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

        JsonNode digest = rest.get().uri("/api/v1/registry/screenings/" + id + "/digest?month=" + month)
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(digest.get("watchedFirms").asInt()).isEqualTo(1);
        assertThat(digest.get("changes")).hasSize(1);
        assertThat(digest.get("changes").get(0).get("change").asString()).isEqualTo("SUSPENDED");
        assertThat(digest.get("changes").get(0).get("uscc").asString()).isEqualTo(code);
        assertThat(digest.get("changes").get(0).get("certificateNumberAssigned").asBoolean()).isTrue();
        String csv = rest.get().uri("/api/v1/registry/screenings/" + id + "/digest?month=" + month + "&format=csv")
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).contains("SUSPENDED", "年度复核不合格").contains(",certificate_number_assigned,");
        assertThat(rest.get().uri("/api/v1/registry/screenings/" + id + "/digest?month=2020-01")
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("count").asInt()).isZero();

        rest.get().uri("/api/v1/registry/screenings/" + id + "/digest?month=" + month)
                .header("Authorization", "Bearer " + Tokens.client("bank-b")).exchange().expectStatus().isNotFound();
        rest.get().uri("/api/v1/registry/screenings/" + id + "/digest?month=2026-13")
                .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("month");
        for (String farOff : new String[] {"2999-01", "1999-12", "0000-01", "-999999999-01"}) {
            rest.get().uri("/api/v1/registry/screenings/" + id + "/digest?month=" + farOff)
                    .header("Authorization", "Bearer " + Tokens.client("bank-a")).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.field").isEqualTo("month");
        }
    }
}
