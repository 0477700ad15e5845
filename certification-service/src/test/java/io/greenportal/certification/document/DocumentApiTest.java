package io.greenportal.certification.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;

import io.greenportal.certification.support.Flow;
import io.greenportal.certification.support.TestData;
import io.greenportal.platform.test.IntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** PDFs by content, size limits, safe names, SHA-256, and downloads for the applicant and reviewers only. */
@IntegrationTest
class DocumentApiTest {

    @Autowired
    RestTestClient rest;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    Flow flow;
    String batch;

    @BeforeEach
    void setUp() {
        flow = new Flow(rest, clock);
        batch = flow.batch();
    }

    long documents() {
        return jdbc.sql("select count(*) from document").query(Long.class).single();
    }

    @Test
    void aPdfIsKeptWithItsHashAndServedToTheApplicantAndReviewersOnly() throws Exception {
        String id = flow.draft("ent-a", batch, "640106");
        byte[] pdf = TestData.pdf("绿色工厂评价报告");
        JsonNode document = Flow.json(flow.upload("ent-a", id, "SELF_EVALUATION", "绿色工厂评价报告.pdf", pdf),
                HttpStatus.CREATED);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertThat(document.get("sha256").asString()).isEqualTo(sha);
        assertThat(document.get("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(document.get("fileName").asString()).isEqualTo("绿色工厂评价报告.pdf");
        String uri = "applications/" + id + "/documents/" + document.get("id").asString();

        byte[] downloaded = flow.get("ent-a", uri).expectStatus().isOk()
                .expectHeader().contentType("application/pdf")
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=.*; filename\\*=UTF-8''.*\\.pdf")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(pdf);
        // not yet submitted: reviewers do not see it; another enterprise never
        flow.get("rev-city", uri).expectStatus().isNotFound();
        flow.get("ent-b", uri).expectStatus().isNotFound();

        flow.evaluated("ent-a", id);
        flow.post("ent-a", "applications/" + id + "/submit", null).expectStatus().isOk();
        flow.get("rev-city", uri).expectStatus().isOk();
        flow.get("rev-prov", uri).expectStatus().isOk();
        flow.get("rev-city2", uri).expectStatus().isNotFound();
        flow.get("expert1", uri).expectStatus().isNotFound();
        flow.get("ent-b", uri).expectStatus().isNotFound();
        flow.get("admin", uri).expectStatus().isForbidden();
        flow.get(null, uri).expectStatus().isUnauthorized();
        flow.get("ent-a", "applications/" + id + "/documents/" + java.util.UUID.randomUUID()).expectStatus().isNotFound();

        // submitted documents stay: no new uploads or deletions outside editing
        JsonNode refused = Flow.json(flow.upload("ent-a", id, null, "补充.pdf", pdf), HttpStatus.CONFLICT);
        assertThat(refused.get("currentState").asString()).isEqualTo("MUNICIPAL_REVIEW");
        flow.decide("rev-city", id, "RETURN", "请补充材料");
        rest.delete().uri(Flow.API + "/" + uri).header("Authorization", "Bearer " + Flow.token("ent-a")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anExpertDownloadsOnlyWhatIsAssignedToThem() {
        String id = flow.inExpertReview("ent-a", batch, "640106");
        String documentId = Flow.json(flow.get("ent-a", "applications/" + id + "/documents"), HttpStatus.OK)
                .get("items").get(0).get("id").asString();
        String uri = "applications/" + id + "/documents/" + documentId;
        flow.get("expert1", uri).expectStatus().isNotFound();
        flow.assign(id, "expert1", "expert2", "expert3");
        flow.get("expert1", uri).expectStatus().isOk();
        flow.get("expert1", "applications/" + id + "/documents").expectStatus().isOk();
    }

    @Test
    void nonPdfOversizedAndTrickyUploadsAreRefusedAndNothingIsWritten() {
        String id = flow.draft("ent-a", batch, "640106");
        long before = documents();

        JsonNode notPdf = Flow.json(flow.upload("ent-a", id, null, "report.pdf",
                "MZ\u0090 this is an executable".getBytes()), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(notPdf.get("field").asString()).isEqualTo("file");
        Flow.json(flow.upload("ent-a", id, null, "report.pdf", "<html>%PDF-</html>".getBytes()),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        for (String name : new String[] {"../../etc/passwd.pdf", "..\\boot.pdf", "/tmp/x.pdf", "a\u0000b.pdf",
                "line\nbreak.pdf", "report.exe", "C:report.pdf", ".hidden.pdf"}) {
            JsonNode problem = Flow.json(flow.upload("ent-a", id, null, name, TestData.pdf("x")), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).as(name).isEqualTo("file");
        }
        Flow.json(flow.upload("ent-a", id, "PHOTO", "report.pdf", TestData.pdf("x")), HttpStatus.BAD_REQUEST);
        // two files in one request: refused, not the first kept and the second dropped unseen
        JsonNode two = Flow.json(flow.upload("ent-a", id, null, "report.pdf", TestData.pdf("x"), 2), HttpStatus.BAD_REQUEST);
        assertThat(two.get("field").asString()).isEqualTo("file");
        assertThat(two.get("detail").asString()).contains("send one file (the request holds 2)");
        byte[] big = new byte[(1 << 20) + 10];
        System.arraycopy(TestData.pdf("big"), 0, big, 0, 20);
        JsonNode tooBig = Flow.json(flow.upload("ent-a", id, null, "big.pdf", big), HttpStatus.CONTENT_TOO_LARGE);
        assertThat(tooBig.get("field").asString()).isEqualTo("file");
        byte[] huge = new byte[(5 << 20)];
        System.arraycopy(TestData.pdf("huge"), 0, huge, 0, 20);
        flow.upload("ent-a", id, null, "huge.pdf", huge).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

        flow.upload("ent-b", id, null, "report.pdf", TestData.pdf("x")).expectStatus().isNotFound();
        flow.upload("rev-city", id, null, "report.pdf", TestData.pdf("x")).expectStatus().isForbidden();
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void theApplicantRemovesADocumentNotYetSubmitted() {
        String id = flow.draft("ent-a", batch, "640106");
        String documentId = Flow.json(flow.upload("ent-a", id, "SELF_EVALUATION", "自评价报告.pdf", TestData.pdf("s")),
                HttpStatus.CREATED).get("id").asString();
        rest.delete().uri(Flow.API + "/applications/" + id + "/documents/" + documentId)
                .header("Authorization", "Bearer " + Flow.token("ent-b")).exchange().expectStatus().isNotFound();
        rest.delete().uri(Flow.API + "/applications/" + id + "/documents/" + documentId)
                .header("Authorization", "Bearer " + Flow.token("ent-a")).exchange().expectStatus().isNoContent();
        assertThat(Flow.json(flow.get("ent-a", "applications/" + id + "/documents"), HttpStatus.OK).get("items").size())
                .isZero();
    }
}
