package io.greenportal.registry.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.registry.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class ListingApiTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    JsonNode register(Map<String, Object> body) {
        return rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    RestTestClient.ResponseSpec post(String token, String uri, Object body) {
        var request = rest.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    RestTestClient.ResponseSpec get(String token, String uri) {
        var request = rest.get().uri(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    JsonNode json(RestTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    long changeCount() {
        return jdbc.sql("select count(*) from change_log").query(Long.class).single();
    }

    @Test
    void registersAProvincialListingWithAGeneratedCertificateNumberAndAChange() {
        long before = changeCount();
        JsonNode listing = register(TestData.factory(TestData.uscc("640106"), "宁夏测试水泥有限公司"));

        assertThat(listing.get("certificateNumber").asString()).matches("GF-640000-2024-\\d{4}");
        assertThat(listing.get("certificateNumberAssigned").asBoolean())
                .as("an administrator's entry without a number gets a registry number, nobody's certificate").isTrue();
        assertThat(listing.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(listing.get("enterprise").get("regionName").asString()).isEqualTo("金凤区");
        assertThat(listing.get("enterprise").get("cityCode").asString()).isEqualTo("640100");
        assertThat(listing.get("indicators").get(0).get("value").asString()).isEqualTo("0.352");
        assertThat(listing.get("indicators").get(0).get("name").asString()).isEqualTo("单位工业增加值能耗");
        assertThat(changeCount()).isEqualTo(before + 1);
    }

    @Test
    void everyAnswerIsDataABrowserNeitherRunsNorFrames() {
        for (String token : new String[] {Tokens.user("ent-a"), null}) {
            get(token, "/api/v1/registry/listings").expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .expectHeader().valueEquals("Referrer-Policy", "same-origin");
        }
    }

    @Test
    void refusesBadInputNamingTheFieldsAndWritesNothing() {
        long before = changeCount();
        Map<String, Object> body = new HashMap<>(TestData.factory("914403001922038217", "坏数据有限公司"));
        body.put("enterprise", Map.of("uscc", "914403001922038217", "name", "坏数据有限公司", "regionCode", "999999",
                "industryCode", "Z99"));
        body.put("level", "COUNTY");
        body.put("subject", Map.of("parkName", "不该有的园区"));
        body.put("indicators", List.of(Map.of("code", "WATER_REUSE_RATE", "value", "120", "unit", "%")));

        JsonNode problem = json(post(Tokens.user("admin"), "/api/v1/registry/listings", body), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("type").asString()).endsWith("/invalid-field");
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("enterprise.uscc", "enterprise.regionCode", "enterprise.industryCode", "level",
                "subject.parkName", "indicators[0].value");
        assertThat(changeCount()).isEqualTo(before);
    }

    @Test
    void refusesMalformedJsonAndWrongTypesAsProblems() {
        JsonNode malformed = json(post(Tokens.user("admin"), "/api/v1/registry/listings", "{\"type\": "),
                HttpStatus.BAD_REQUEST);
        assertThat(malformed.get("type").asString()).endsWith("/malformed-body");
        assertThat(malformed.get("field").asString()).as("the body as a whole").isEqualTo("body");

        Map<String, Object> body = new HashMap<>(TestData.factory(TestData.uscc("640106"), "类型错误有限公司"));
        body.put("year", "两千二十四");
        JsonNode wrongType = json(post(Tokens.user("admin"), "/api/v1/registry/listings", body), HttpStatus.BAD_REQUEST);
        assertThat(wrongType.get("field").asString()).isEqualTo("year");
    }

    @Test
    void aDuplicateCertificateNumberIsAConflict() {
        Map<String, Object> body = new HashMap<>(TestData.factory(TestData.uscc("640106"), "重复证书有限公司"));
        String number = "GF-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        body.put("certificateNumber", number);
        assertThat(register(body).get("certificateNumberAssigned").asBoolean()).as("a stated number").isFalse();

        Map<String, Object> again = new HashMap<>(TestData.factory(TestData.uscc("640106"), "另一家有限公司"));
        again.put("certificateNumber", number);
        JsonNode problem = json(post(Tokens.user("admin"), "/api/v1/registry/listings", again), HttpStatus.CONFLICT);
        assertThat(problem.get("field").asString()).isEqualTo("certificateNumber");
    }

    @Test
    void theSameListingSentTwiceWithoutAKeyIsAConflictAndWritesNothing() {
        String uscc = TestData.uscc("640106");
        Map<String, Object> body = TestData.factory(uscc, "重复提交有限公司");
        register(body);
        long changes = changeCount();

        JsonNode problem = json(post(Tokens.user("admin"), "/api/v1/registry/listings", body), HttpStatus.CONFLICT);
        assertThat(problem.get("type").asString()).endsWith("/duplicate-listing");
        assertThat(problem.get("field").asString()).isEqualTo("subject");
        assertThat(listingsOf(uscc)).isEqualTo(1);
        assertThat(changeCount()).isEqualTo(changes);

        // the same site in another year, or under a certificate number of its own, is another listing
        Map<String, Object> nextYear = new HashMap<>(body);
        nextYear.put("year", 2025);
        nextYear.put("batch", "2025年度第1批");
        register(nextYear);
        Map<String, Object> numbered = new HashMap<>(body);
        String number = "GF-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        numbered.put("certificateNumber", number);
        register(numbered);
        assertThat(listingsOf(uscc)).isEqualTo(3);

        // the same number in lower case is the same number: refused, not a second listing under it
        Map<String, Object> lower = new HashMap<>(nextYear);
        lower.put("year", 2023); // another year: not the same listing, only the same number
        lower.put("batch", "2023年度第1批");
        lower.put("certificateNumber", number.toLowerCase(java.util.Locale.ROOT));
        JsonNode taken = json(post(Tokens.user("admin"), "/api/v1/registry/listings", lower), HttpStatus.CONFLICT);
        assertThat(taken.get("field").asString()).isEqualTo("certificateNumber");
        assertThat(listingsOf(uscc)).isEqualTo(3);
    }

    long listingsOf(String uscc) {
        return jdbc.sql("select count(*) from listing where uscc = :u").param("u", uscc).query(Long.class).single();
    }

    @Test
    void theSameIdempotencyKeyNeverCreatesASecondListing() {
        Map<String, Object> body = TestData.factory(TestData.uscc("640106"), "幂等有限公司");
        String key = UUID.randomUUID().toString();
        JsonNode first = rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode retry = rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(retry.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(jdbc.sql("select count(*) from listing where uscc = :u")
                .param("u", first.get("enterprise").get("uscc").asString()).query(Long.class).single()).isEqualTo(1);

        // the same key with another request: refused, not answered with the first listing
        Map<String, Object> other = new HashMap<>(body);
        other.put("year", 2025);
        other.put("batch", "2025年度第1批");
        JsonNode reused = rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).body(other).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(reused.get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(reused.get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(listingsOf(first.get("enterprise").get("uscc").asString())).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsWrite() {
        Map<String, Object> body = TestData.factory(TestData.uscc("640106"), "越权有限公司");
        post(null, "/api/v1/registry/listings", body).expectStatus().isUnauthorized();
        for (String user : List.of("ent-a", "rev-prov", "rev-city", "expert1")) {
            post(Tokens.user(user), "/api/v1/registry/listings", body).expectStatus().isForbidden();
        }
        post(Tokens.client("bank-a"), "/api/v1/registry/listings", body).expectStatus().isForbidden();
    }

    @Test
    void anEnterpriseReadsOnlyItsOwnListings() {
        String entA = "91640100MA76A00010";
        JsonNode own = register(TestData.factory(entA, "宁夏绿源新材料有限公司"));
        JsonNode other = register(TestData.factory(TestData.uscc("640106"), "别人家有限公司"));

        get(Tokens.user("ent-a"), "/api/v1/registry/listings/" + own.get("id").asString()).expectStatus().isOk();
        get(Tokens.user("ent-a"), "/api/v1/registry/listings/" + other.get("id").asString()).expectStatus().isNotFound();
        get(Tokens.user("ent-b"), "/api/v1/registry/listings/" + own.get("id").asString()).expectStatus().isNotFound();

        JsonNode page = json(get(Tokens.user("ent-a"), "/api/v1/registry/listings?size=200"), HttpStatus.OK);
        assertThat(page.get("items").valueStream().map(l -> l.get("enterprise").get("uscc").asString()))
                .isNotEmpty().allMatch(entA::equals);
        get(Tokens.user("ent-b"), "/api/v1/registry/enterprises/" + entA).expectStatus().isNotFound();
        get(Tokens.user("ent-a"), "/api/v1/registry/enterprises/" + entA).expectStatus().isOk();
    }

    @Test
    void banksReviewersAndAdministratorsReadEverythingOthersDoNot() {
        JsonNode listing = register(TestData.factory(TestData.uscc("640106"), "公开读取有限公司"));
        String uri = "/api/v1/registry/listings/" + listing.get("id").asString();
        get(Tokens.client("bank-a"), uri).expectStatus().isOk();
        get(Tokens.user("rev-city"), uri).expectStatus().isOk();
        get(Tokens.user("rev-prov"), uri).expectStatus().isOk();
        get(Tokens.user("admin"), uri).expectStatus().isOk();
        get(Tokens.user("expert1"), uri).expectStatus().isForbidden();
        get(null, uri).expectStatus().isUnauthorized();
        get("not-a-token", uri).expectStatus().isUnauthorized();
    }

    @Test
    void filtersByRegionPrefixTypeLevelYearAndStatus() {
        String yinchuan = TestData.uscc("640104");
        Map<String, Object> body = new HashMap<>(TestData.factory(yinchuan, "筛选兴庆有限公司"));
        body.put("enterprise", Map.of("uscc", yinchuan, "name", "筛选兴庆有限公司", "regionCode", "640104",
                "industryCode", "C27"));
        body.put("year", 2019);
        JsonNode listing = register(body);
        String id = listing.get("id").asString();

        assertThat(ids("/api/v1/registry/listings?region=640100&industry=C27&year=2019&type=GREEN_FACTORY&size=200")).contains(id);
        assertThat(ids("/api/v1/registry/listings?region=640000&industry=C27&year=2019&size=200")).contains(id);
        assertThat(ids("/api/v1/registry/listings?region=640200&industry=C27&year=2019&size=200")).doesNotContain(id);
        assertThat(ids("/api/v1/registry/listings?region=640100&status=REVOKED&size=200")).doesNotContain(id);

        JsonNode badType = json(get(Tokens.user("admin"), "/api/v1/registry/listings?type=GREEN_HOUSE"), HttpStatus.BAD_REQUEST);
        assertThat(badType.get("field").asString()).isEqualTo("type");
        JsonNode badRegion = json(get(Tokens.user("admin"), "/api/v1/registry/listings?region=12"), HttpStatus.BAD_REQUEST);
        assertThat(badRegion.get("field").asString()).isEqualTo("region");
        JsonNode badSize = json(get(Tokens.user("admin"), "/api/v1/registry/listings?size=-1"), HttpStatus.BAD_REQUEST);
        assertThat(badSize.get("field").asString()).isEqualTo("size");
    }

    @Test
    void queryParametersThatAreNotUtf8AreA400NamingThem(
            @org.springframework.beans.factory.annotation.Value("${local.server.port}") int port) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/registry/listings?region=%E6%B0"))
                .header("Authorization", "Bearer " + Tokens.user("admin")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"region\"");
    }

    List<String> ids(String uri) {
        return json(get(Tokens.client("bank-a"), uri), HttpStatus.OK).get("items").valueStream()
                .map(l -> l.get("id").asString()).toList();
    }

    @Test
    void statusChangesFollowTheRulesAndRevocationIsFinal() {
        JsonNode listing = register(TestData.factory(TestData.uscc("640106"), "状态流转有限公司"));
        String uri = "/api/v1/registry/listings/" + listing.get("id").asString() + "/status";
        String admin = Tokens.user("admin");

        json(post(admin, uri, Map.of("action", "SUSPEND")), HttpStatus.BAD_REQUEST);
        JsonNode suspended = json(post(admin, uri, Map.of("action", "SUSPEND", "reason", "年度报告逾期")), HttpStatus.OK);
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        json(post(admin, uri, Map.of("action", "SUSPEND", "reason", "again")), HttpStatus.CONFLICT);
        json(post(admin, uri, Map.of("action", "RESTORE", "reason", "整改完成")), HttpStatus.OK);
        json(post(admin, uri, Map.of("action", "REVOKE", "reason", "弄虚作假")), HttpStatus.OK);

        JsonNode refused = json(post(admin, uri, Map.of("action", "RESTORE", "reason", "please")), HttpStatus.CONFLICT);
        assertThat(refused.get("currentStatus").asString()).isEqualTo("REVOKED");
        JsonNode unknownAction = json(post(admin, uri, Map.of("action", "DELETE", "reason", "x")), HttpStatus.BAD_REQUEST);
        assertThat(unknownAction.get("field").asString()).isEqualTo("action");
        assertThat(unknownAction.get("detail").asString()).as("the allowed values are named")
                .contains("SUSPEND", "REVOKE", "RESTORE");
        post(Tokens.user("rev-prov"), uri, Map.of("action", "SUSPEND", "reason", "x")).expectStatus().isForbidden();

        JsonNode detail = json(get(admin, "/api/v1/registry/listings/" + listing.get("id").asString()), HttpStatus.OK);
        assertThat(detail.get("statusHistory").valueStream().map(h -> h.get("status").asString()))
                .containsExactly("ACTIVE", "SUSPENDED", "ACTIVE", "REVOKED");
        assertThat(detail.get("listing").get("statusReason").asString()).isEqualTo("弄虚作假");
    }

    @Test
    void answersAsOfAPastDay() {
        Map<String, Object> body = new HashMap<>(TestData.factory(TestData.uscc("640106"), "历史查询有限公司"));
        body.put("year", 2020);
        body.put("grantedOn", "2020-06-01");
        JsonNode listing = register(body);
        String id = listing.get("id").asString();
        post(Tokens.user("admin"), "/api/v1/registry/listings/" + id + "/status",
                Map.of("action", "REVOKE", "reason", "撤销")).expectStatus().isOk();

        JsonNode then = json(get(Tokens.client("bank-a"), "/api/v1/registry/listings/" + id + "?asOf=2021-01-01"),
                HttpStatus.OK).get("listing");
        assertThat(then.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(then.get("asOf").asString()).isEqualTo("2021-01-01");
        JsonNode now = json(get(Tokens.client("bank-a"), "/api/v1/registry/listings/" + id), HttpStatus.OK).get("listing");
        assertThat(now.get("status").asString()).isEqualTo("REVOKED");

        JsonNode before = json(get(Tokens.client("bank-a"), "/api/v1/registry/listings/" + id + "?asOf=2020-05-31"),
                HttpStatus.NOT_FOUND);
        assertThat(before.get("type").asString()).endsWith("/not-listed-on-date");
        json(get(Tokens.client("bank-a"), "/api/v1/registry/listings/" + id + "?asOf=2020-13-01"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aRenameKeepsHistoryAndTheListingFollowsItsEnterprise() {
        String uscc = TestData.uscc("640106");
        Map<String, Object> body = new HashMap<>(TestData.factory(uscc, "宁夏旧名有限公司"));
        body.put("year", 2021);
        body.put("grantedOn", "2021-03-01");
        String id = register(body).get("id").asString();

        json(rest.patch().uri("/api/v1/registry/enterprises/" + uscc).header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "宁夏新名有限公司")).exchange(), HttpStatus.OK);

        JsonNode enterprise = json(get(Tokens.user("admin"), "/api/v1/registry/enterprises/" + uscc), HttpStatus.OK);
        assertThat(enterprise.get("names").valueStream().map(n -> n.get("name").asString()))
                .containsExactly("宁夏旧名有限公司", "宁夏新名有限公司");
        assertThat(json(get(Tokens.user("admin"), "/api/v1/registry/listings/" + id), HttpStatus.OK)
                .get("listing").get("enterprise").get("name").asString()).isEqualTo("宁夏新名有限公司");
        assertThat(json(get(Tokens.user("admin"), "/api/v1/registry/listings/" + id + "?asOf=2022-01-01"), HttpStatus.OK)
                .get("listing").get("enterprise").get("name").asString()).isEqualTo("宁夏旧名有限公司");
        json(get(Tokens.user("admin"), "/api/v1/registry/enterprises/12345"), HttpStatus.BAD_REQUEST);
    }
}
