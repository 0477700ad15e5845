package io.greenportal.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.greenportal.gateway.support.Evaluation;
import io.greenportal.gateway.support.PortalClient;
import io.greenportal.platform.test.Waiting;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 15's whole story through the running gateway: ent-a engages eval-a's body, the body confirms
 * and reports, the workflow runs, the listing is approved, recommended in a national round, delivered
 * to the national platform (a stand-in on {@code GP_NATIONAL_PORT}, 8099: the certification service's
 * default national address), accepted by its signed callback, NATIONAL in the registry and in public
 * search; a later national removal revokes it and reaches bank-a's webhook.
 */
class NationalEndToEndTest {

    static final String CERT = "/api/v1/certification";
    static final String ENT_A = "91640100MA76A00010";
    final PortalClient portal = new PortalClient();
    final List<String> dossiersReceived = new CopyOnWriteArrayList<>();
    final List<String> webhooksReceived = new CopyOnWriteArrayList<>();
    HttpServer national;
    HttpServer bank;

    @BeforeEach
    void startThirdParties() throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("GP_NATIONAL_PORT", "8099"));
        national = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        national.createContext("/national/api/v1/dossiers/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean seen = dossiersReceived.stream().anyMatch(body::equals);
            dossiersReceived.add(body);
            answer(exchange, seen ? 200 : 201);
        });
        national.start();
        bank = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bank.createContext("/hook", exchange -> {
            webhooksReceived.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 204);
        });
        bank.start();
    }

    @AfterEach
    void stopThirdParties() {
        national.stop(0);
        bank.stop(0);
    }

    static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    JsonNode call(String caller, String method, String path, String body, int expected) {
        var response = portal.send(caller, method, path, body);
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, caller, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? null : portal.json(response.body());
    }

    JsonNode await(String what, Supplier<JsonNode> probe, Predicate<JsonNode> done) {
        return Waiting.atMost(Duration.ofSeconds(30), what).until(probe::get, last -> last != null && done.test(last));
    }

    /**
     * The development value the local portal gives a secret it is not handed (web-edge's RequiredSecrets,
     * which the gateway does not carry: it is a servlet module).
     */
    static String localPortalValue(String property) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(("greenportal local portal " + property).getBytes(StandardCharsets.UTF_8));
        return "local-portal-only-" + HexFormat.of().formatHex(digest).substring(0, 32);
    }

    /** A decision as the national platform sends it: signed with the shared secret (the local portal's own). */
    JsonNode decide(String json) throws Exception {
        String secret = System.getenv().getOrDefault("GP_NATIONAL_CALLBACK_SECRET", localPortalValue(
                "greenportal.national.callback-secret"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var response = portal.sendWithHeaders("anonymous", "POST", CERT + "/national/callbacks", json,
                java.util.Map.of("X-National-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(body))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return portal.json(response.body());
    }

    @Test
    void anEvaluatedListingIsRecommendedAcceptedAsNationalAndLaterRemoved() throws Exception {
        OffsetDateTime now = OffsetDateTime.parse(portal.getJson("admin", CERT + "/dev/clock").get("now").asString());
        String batch = call("admin", "POST", CERT + "/batches", """
                {"name":"国家推荐端到端批次","year":%d,"types":["GREEN_FACTORY"],"opensAt":"%s","deadline":"%s",
                 "publicityDays":5,"passMark":70,"minExperts":3}""".formatted(now.getYear(), now.minusMinutes(1),
                now.plusDays(30)), 201).get("id").asString();
        String site = "国家级推荐基地" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String id = call("ent-a", "POST", CERT + "/applications", """
                {"batchId":"%s","type":"GREEN_FACTORY","enterpriseName":"宁夏绿源新材料有限公司","regionCode":"640106",
                 "industryCode":"C26","subject":{"siteName":"%s","evaluationStandard":"GB/T 36132-2018 绿色工厂评价通则"},
                 "selfScore":90,"indicators":[{"code":"ENERGY_PER_VALUE_ADDED","value":"0.29","unit":"tce/万元"}]}"""
                .formatted(batch, site), 201).get("id").asString();

        // the body: engaged by ent-a, confirmed and reported by eval-a; eval-b sees nothing of it
        Evaluation.evaluate(portal, "ent-a", id);
        assertThat(portal.send("eval-b", "GET", CERT + "/applications/" + id, null, null).statusCode()).isEqualTo(404);
        call("ent-a", "POST", CERT + "/applications/" + id + "/submit", "{}", 200);
        call("rev-city", "POST", CERT + "/applications/" + id + "/reviews", "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}", 201);
        call("rev-prov", "POST", CERT + "/applications/" + id + "/reviews", "{\"decision\":\"APPROVE\",\"comment\":\"同意\"}", 201);
        call("rev-prov", "POST", CERT + "/applications/" + id + "/expert-assignments",
                "{\"experts\":[\"expert1\",\"expert2\",\"expert3\"]}", 201);
        for (String expert : List.of("expert1", "expert2", "expert3")) {
            call(expert, "POST", CERT + "/applications/" + id + "/scores", "{\"score\":88,\"comment\":\"同意\"}", 201);
        }
        call("admin", "POST", CERT + "/dev/clock", "{\"by\":\"P6D\"}", 200);
        JsonNode approved = await("approval and registration",
                () -> portal.getJson("ent-a", CERT + "/applications/" + id).get("application"), a -> a.hasNonNull("listingId"));
        String listingId = approved.get("listingId").asString();

        // bank-a watches ent-a
        call("bank-a", "POST", "/api/v1/incentives/webhook-subscriptions", """
                {"url":"http://127.0.0.1:%d/hook","secret":"national-e2e-secret-0123456789","watchUsccs":["%s"]}"""
                .formatted(bank.getAddress().getPort(), ENT_A), 201);

        // recommended in a round and delivered to the national platform
        String round = call("admin", "POST", CERT + "/national/rounds", """
                {"name":"国家级绿色工厂推荐（端到端）","deadline":"%s","quotas":{"GREEN_FACTORY":3}}"""
                .formatted(now.plusDays(60)), 201).get("id").asString();
        call("admin", "PUT", CERT + "/national/rounds/" + round + "/selection", "{\"applicationIds\":[\"" + id + "\"]}", 200);
        String dossier = call("admin", "POST", CERT + "/national/rounds/" + round + "/submission", null, 200)
                .get("dossiers").get(0).get("id").asString();
        await("the dossier's delivery", () -> portal.getJson("admin", CERT + "/national/dossiers/" + dossier).get("dossier"),
                d -> "DELIVERED".equals(d.get("status").asString()));
        assertThat(dossiersReceived).anyMatch(body -> body.contains(dossier) && body.contains(listingId));

        // accepted: NATIONAL in the registry and in public search
        String number = "GF-N-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        assertThat(decide("""
                {"eventId":"acc-%s","dossierId":"%s","version":1,"kind":"ACCEPTED","certificateNumber":"%s","decidedOn":"%s"}"""
                .formatted(dossier, dossier, number, LocalDate.now())).get("result").asString()).isEqualTo("APPLIED");
        JsonNode national = await("NATIONAL in the registry",
                () -> portal.getJson("admin", "/api/v1/registry/listings/" + listingId),
                l -> "NATIONAL".equals(l.get("listing").get("level").asString()));
        assertThat(national.get("listing").get("certificateNumber").asString()).isEqualTo(number);
        assertThat(national.get("statusHistory").toString()).contains(number);
        String q = URLEncoder.encode(site, StandardCharsets.UTF_8);
        await("NATIONAL in public search", () -> portal.getJson("anonymous", "/api/v1/public/listings?q=" + q),
                r -> r.get("total").asLong() == 1 && "NATIONAL".equals(r.get("items").get(0).get("level").asString()));

        // a national removal revokes it, and bank-a hears of it
        assertThat(decide("""
                {"eventId":"rm-%s","dossierId":"%s","version":2,"kind":"REMOVED","reason":"年度动态管理复核不合格","removal":"REVOKE"}"""
                .formatted(dossier, dossier)).get("result").asString()).isEqualTo("APPLIED");
        await("REVOKED in the registry", () -> portal.getJson("admin", "/api/v1/registry/listings/" + listingId),
                l -> "REVOKED".equals(l.get("listing").get("status").asString()));
        Waiting.atMost(Duration.ofSeconds(30), "bank-a hears of the revocation")
                .until(() -> webhooksReceived.stream().anyMatch(w -> w.contains(listingId)));
        assertThat(webhooksReceived).anyMatch(w -> w.contains(listingId) && w.contains("REVOKED"));
    }
}
