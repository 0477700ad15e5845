package io.greenportal.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.greenportal.gateway.support.PortalClient;
import io.greenportal.platform.test.Waiting;
import io.greenportal.platform.tracing.RequestIds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One request through the gateway that ends in a gRPC call to the registry is one trace: an
 * enterprise submits its application (certification asks the registry for the registered name,
 * LookupByUscc), sending a W3C traceparent of its own; the gateway (in-process here, its log
 * captured), the certification service and the registry (the portal's, their log files under
 * GP_LOGS, by default ../.portal/logs; their ports GP_CERTIFICATION_PORT and GP_REGISTRY_PORT) all
 * log that trace id, each next to the request id the gateway gave the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "greenportal.rate-limits.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
class TraceEndToEndTest {

    static final String CERT = "/api/v1/certification";
    static final Path LOGS = Path.of(System.getenv().getOrDefault("GP_LOGS",
            System.getProperty("user.dir") + "/../.portal/logs"));

    @LocalServerPort
    int port;

    @Test
    void theGatewayCertificationAndRegistryLogTheSameTraceId(CapturedOutput gatewayLog) {
        PortalClient portal = new PortalClient("http://127.0.0.1:" + port);
        String application = completeDraft(portal);

        String traceId = HexFormat.of().formatHex(random(16));
        var submitted = portal.sendWithHeaders("ent-a", "POST", CERT + "/applications/" + application + "/submit", "{}",
                Map.of("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01"));

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String requestId = submitted.headers().firstValue(RequestIds.HEADER).orElseThrow();
        Waiting.atMost(Duration.ofSeconds(10), "the trace id in the three logs").untilAsserted(() -> {
            assertThat(lineWith(gatewayLog.getOut(), traceId)).as("the gateway's log").contains("/submit", requestId);
            assertThat(lineWith(log("certification"), traceId)).as("the certification service's log")
                    .contains("/submit", "[" + requestId + "]");
            assertThat(lineWith(log("registry"), traceId)).as("the registry's log (the request id came as baggage)")
                    .contains("LookupByUscc", "[" + requestId + "]");
        });
    }

    /**
     * A caller that reaches a service without the gateway (inside the cluster) gets the gateway's
     * rule for request ids: an id of 4,500 characters used to travel on as baggage into the gRPC
     * headers of the incentive service's call to the registry, which refused them (503 for a bank).
     */
    @Test
    void aServiceCalledDirectlyReplacesARequestIdTheGatewayWouldNotPass() {
        PortalClient incentive = new PortalClient("http://127.0.0.1:" + System.getenv().getOrDefault("GP_INCENTIVE_PORT", "8083"));
        String huge = "x".repeat(4_500);
        var verified = incentive.sendWithHeaders("bank-a", "GET", "/api/v1/incentives/verifications/91640100MA76A00010",
                Map.of(RequestIds.HEADER, huge));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);

        var refused = incentive.sendWithHeaders("bank-a", "GET", "/api/v1/incentives/verifications/914403001922038217",
                Map.of(RequestIds.HEADER, huge));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(incentive.json(refused.body()).get("requestId").asString()).hasSize(36);
        var kept = incentive.sendWithHeaders("bank-a", "GET", "/api/v1/incentives/verifications/914403001922038217",
                Map.of(RequestIds.HEADER, "bank-a:check-0001"));
        assertThat(incentive.json(kept.body()).get("requestId").asString()).isEqualTo("bank-a:check-0001");
    }

    /** A DRAFT of ent-a in a new open batch, complete enough to be submitted. */
    static String completeDraft(PortalClient portal) {
        OffsetDateTime now = OffsetDateTime.parse(portal.getJson("admin", CERT + "/dev/clock").get("now").asString());
        var batch = portal.send("admin", "POST", CERT + "/batches", """
                {"name":"追踪测试批次","year":%d,"types":["GREEN_FACTORY"],"opensAt":"%s","deadline":"%s",
                 "publicityDays":5,"passMark":70,"minExperts":3}""".formatted(now.getYear(), now.minusMinutes(1),
                now.plusDays(30)));
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(201);
        var draft = portal.send("ent-a", "POST", CERT + "/applications", """
                {"batchId":"%s","type":"GREEN_FACTORY","enterpriseName":"绿源新材料","regionCode":"640106",
                 "industryCode":"C26","subject":{"siteName":"追踪测试基地 %d","evaluationStandard":"GB/T 36132-2018 绿色工厂评价通则"},
                 "selfScore":88,"indicators":[{"code":"ENERGY_PER_VALUE_ADDED","value":"0.31","unit":"tce/万元"}],
                 "evaluationBody":"宁夏节能低碳评价中心","evaluationReport":"NXJN-TRACE 绿色工厂第三方评价报告"}"""
                .formatted(portal.json(batch.body()).get("id").asString(), ThreadLocalRandom.current().nextInt(1_000_000)));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String id = portal.json(draft.body()).get("id").asString();
        String boundary = "trace-boundary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
                + "\r\n--" + boundary + "--\r\n";
        var upload = portal.send("ent-a", "POST", CERT + "/applications/" + id + "/documents?kind=OTHER",
                "multipart/form-data; boundary=" + boundary, part.getBytes(StandardCharsets.UTF_8));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        io.greenportal.gateway.support.Evaluation.evaluate(portal, "ent-a", id);
        return id;
    }

    static String log(String app) throws Exception {
        return Files.readString(LOGS.resolve(app + ".log"));
    }

    /** The first line that names the trace id, or "" (so the assertion shows what was expected). */
    static String lineWith(String log, String traceId) {
        return log.lines().filter(line -> line.contains(traceId)).findFirst().orElse("");
    }

    static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return value;
    }
}
