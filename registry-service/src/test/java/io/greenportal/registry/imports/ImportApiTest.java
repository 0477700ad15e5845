package io.greenportal.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.registry.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

import tools.jackson.databind.JsonNode;

@IntegrationTest
class ImportApiTest {

    static final String HEADER = "uscc,enterprise_name,region_code,industry_code,type,level,year,batch,certificate_number,"
            + "site_name,product_name,product_model,product_category,granted_on,indicators";

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    RestTestClient.ResponseSpec upload(String token, String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return rest.post().uri("/api/v1/registry/imports").header("Authorization", "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange();
    }

    JsonNode finished(RestTestClient.ResponseSpec started) {
        JsonNode job = started.expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = job.get("id").asString();
        return Waiting.atMost(Duration.ofSeconds(30), "the import finishes").until(() -> rest.get()
                .uri("/api/v1/registry/imports/" + id).header("Authorization", "Bearer " + Tokens.user("admin"))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody(),
                finished -> !"RUNNING".equals(finished.get("status").asString()));
    }

    long listingsOf(String uscc) {
        return jdbc.sql("select count(*) from listing where uscc = :u").param("u", uscc).query(Long.class).single();
    }

    long jobs() {
        return jdbc.sql("select count(*) from import_job").query(Long.class).single();
    }

    @Test
    void goodRowsAreImportedAndEachBadRowIsRejectedWithItsLineAndReason() throws Exception {
        String a = TestData.uscc("640104");
        String b = TestData.uscc("640202");
        String c = TestData.uscc("640302");
        String number = "GF-IMP-" + System.nanoTime();
        String csv = String.join("\n", HEADER,
                a + ",宁夏导入甲水泥有限公司,640104,C30,GREEN_FACTORY,NATIONAL,2019,第四批," + number + ",甲厂区,,,,2019-11-20,ENERGY_PER_VALUE_ADDED=0.41;WATER_REUSE_RATE=95",
                "914403001922038217,校验码错误有限公司,640104,C30,GREEN_FACTORY,NATIONAL,2019,第四批,,,,,,,",
                b + ",宁夏导入乙化工有限公司,999999,C26,GREEN_FACTORY,PROVINCIAL,2020,,,,,,,,",
                b + ",宁夏导入乙化工有限公司,640202,C26,GREEN_PRODUCT,PROVINCIAL,2020,,,,聚氯乙烯树脂,SG-5,化工,,",
                c + ",宁夏导入丙有限公司,640302,C14,GREEN_FACTORY,MUNICIPAL,2021",
                c + ",宁夏导入丙有限公司,640302,C14,GREEN_SUPPLY_CHAIN,MUNICIPAL,2021,,,,,,,,",
                c + ",宁夏导入丙有限公司,640302,C14,GREEN_FACTORY,MUNICIPAL,2021,,\"" + number + "\",,,,,,",
                "\"" + TestData.uscc("640106") + "\",\"宁夏导入丁有限公司, 含逗号\",640106,C30,GREEN_PARK,NATIONAL,2022,,,,,,,,");

        JsonNode job = finished(upload(Tokens.user("admin"), "national-list.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("rowsTotal").asInt()).isEqualTo(8);
        assertThat(job.get("rowsDone").asInt()).isEqualTo(8);
        assertThat(job.get("rowsImported").asInt()).isEqualTo(3);
        assertThat(job.get("rowsRejected").asInt()).isEqualTo(5);
        List<Integer> lines = job.get("rejections").valueStream().map(r -> r.get("line").asInt()).toList();
        assertThat(lines).containsExactly(3, 4, 6, 8, 9);
        JsonNode first = job.get("rejections").get(0);
        assertThat(first.get("field").asString()).isEqualTo("enterprise.uscc");
        assertThat(job.get("rejections").get(3).get("reason").asString()).contains(number);
        assertThat(job.get("rejections").get(4).get("reason").asString()).contains("parkName");
        assertThat(listingsOf(a)).isEqualTo(1);
        assertThat(listingsOf(b)).isEqualTo(1);
        assertThat(listingsOf(c)).isEqualTo(1);

        JsonNode again = finished(upload(Tokens.user("admin"), "national-list.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.get("rowsImported").asInt()).isZero();
        assertThat(listingsOf(a) + listingsOf(b) + listingsOf(c)).isEqualTo(3);
    }

    @Test
    void importedRowsAreWholeListingsWithTheirChangesAndStatuses() throws Exception {
        String active = TestData.uscc("640302");
        String revoked = TestData.uscc("640302");
        String csv = String.join("\n", "uscc,enterprise_name,region_code,industry_code,type,level,year,status,status_reason",
                active + ",宁夏导入有效有限公司,640302,C30,GREEN_FACTORY,PROVINCIAL,2022,,",
                revoked + ",宁夏导入撤销有限公司,640302,C30,GREEN_FACTORY,PROVINCIAL,2022,撤销,弄虚作假");
        JsonNode job = finished(upload(Tokens.user("admin"), "statuses.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(job.get("rowsImported").asInt()).isEqualTo(2);

        assertThat(jdbc.sql("select status from listing where uscc = :u").param("u", revoked).query(String.class).single())
                .isEqualTo("REVOKED");
        assertThat(jdbc.sql("""
                select c.kind from change_log c join listing l on l.id = c.listing_id where l.uscc = :u order by c.sequence""")
                .param("u", revoked).query(String.class).list()).containsExactly("LISTING_CREATED", "STATUS_CHANGED");
        assertThat(jdbc.sql("select certificate_number from listing where uscc = :u").param("u", active).query(String.class)
                .single()).matches("GF-640000-2022-\\d{4}");
        assertThat(jdbc.sql("select certificate_number_assigned from listing where uscc = :u").param("u", active)
                .query(Boolean.class).single()).as("the list gave no number: a registry number").isTrue();
        // numbers given out in blocks stay gap-free
        assertThat(jdbc.sql("select max(sequence) = count(*) from change_log").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRowNamingAKnownEnterpriseDifferentlyIsImportedWithAWarning() throws Exception {
        String known = TestData.uscc("640104");
        String fresh = TestData.uscc("640202");
        rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(TestData.factory(known, "宁夏登记名有限公司")).exchange()
                .expectStatus().isCreated();
        String csv = String.join("\n", "uscc,enterprise_name,region_code,industry_code,type,level,year",
                known + ",测试改名有限公司,640104,C30,GREEN_FACTORY,NATIONAL,2019",
                known + ",宁夏登记名有限公司,640104,C30,GREEN_SUPPLY_CHAIN,NATIONAL,2019",
                fresh + ",宁夏首行名有限公司,640202,C26,GREEN_FACTORY,PROVINCIAL,2020",
                fresh + ",宁夏次行名有限公司,640202,C26,GREEN_SUPPLY_CHAIN,PROVINCIAL,2020");

        JsonNode job = finished(upload(Tokens.user("admin"), "names.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("rowsImported").asInt()).isEqualTo(4);
        assertThat(job.get("rowsRejected").asInt()).isZero();
        JsonNode warnings = job.get("warnings");
        assertThat(warnings.valueStream().map(w -> w.get("line").asInt()).toList()).containsExactly(2, 5);
        assertThat(warnings.get(0).get("field").asString()).isEqualTo("enterprise.name");
        assertThat(warnings.get(0).get("message").asString())
                .contains("测试改名有限公司", "宁夏登记名有限公司", "the registered name is kept");
        assertThat(warnings.get(1).get("message").asString()).contains("宁夏次行名有限公司", "宁夏首行名有限公司");
        assertThat(jdbc.sql("select name from enterprise where uscc = :u").param("u", known).query(String.class).single())
                .isEqualTo("宁夏登记名有限公司");
        assertThat(listingsOf(known)).isEqualTo(3);
    }

    @Test
    void theDatongListWithChineseColumnsImportsOnce() throws Exception {
        byte[] datong = new ClassPathResource("demo/datong-green-manufacturing-2016-2020.csv").getContentAsByteArray();
        JsonNode job = finished(upload(Tokens.user("admin"), "datong.csv", datong));
        assertThat(job.get("rowsTotal").asInt()).isEqualTo(9);
        assertThat(job.get("rowsImported").asInt() + job.get("rowsRejected").asInt()).isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from listing l join enterprise e on e.uscc = l.uscc where e.name = '大同冀东水泥有限责任公司'")
                .query(Long.class).single()).isEqualTo(2);
        JsonNode again = finished(upload(Tokens.user("admin"), "datong.csv", datong));
        assertThat(again.get("rowsImported").asInt()).isZero();
        assertThat(again.get("rowsRejected").asInt()).isEqualTo(9);
    }

    @Test
    void jsonRowsAreReportedByTheirLine() throws Exception {
        String good = TestData.uscc("640104");
        String json = """
                [
                  {"type": "GREEN_FACTORY", "level": "NATIONAL", "year": 2018,
                   "enterprise": {"uscc": "%s", "name": "宁夏JSON导入有限公司", "regionCode": "640104", "industryCode": "C30"}},
                  {"type": "GREEN_FACTORY", "level": "NATIONAL", "year": "二〇一八",
                   "enterprise": {"uscc": "%s", "name": "坏行有限公司", "regionCode": "640104", "industryCode": "C30"}},
                  {"type": "GREEN_ROOF", "level": "NATIONAL", "year": 2018,
                   "enterprise": {"uscc": "%s", "name": "坏行有限公司", "regionCode": "640104", "industryCode": "C30"}}
                ]""".formatted(good, TestData.uscc("640104"), TestData.uscc("640104"));
        JsonNode job = finished(upload(Tokens.user("admin"), "list.json", json.getBytes(StandardCharsets.UTF_8)));
        assertThat(job.get("rowsImported").asInt()).isEqualTo(1);
        assertThat(job.get("rejections").valueStream().map(r -> r.get("line").asInt()).toList()).containsExactly(4, 6);
        assertThat(job.get("rejections").get(1).get("field").asString()).isEqualTo("type");
        assertThat(listingsOf(good)).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotWellFormedIsRefusedWholeAndNothingIsWritten() {
        long before = jobs();
        String unknownColumn = "uscc,enterprise_name,region_code,industry_code,type,level,year,colour\n";
        JsonNode problem = upload(Tokens.user("admin"), "x.csv", unknownColumn.getBytes(StandardCharsets.UTF_8))
                .expectStatus().isBadRequest().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("field").asString()).isEqualTo("file");
        assertThat(problem.get("detail").asString()).contains("colour");

        String brokenQuotes = HEADER + "\n\"" + TestData.uscc("640104") + ",unterminated";
        upload(Tokens.user("admin"), "x.csv", brokenQuotes.getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest();
        upload(Tokens.user("admin"), "x.json", "[{\"type\": ".getBytes(StandardCharsets.UTF_8)).expectStatus().isBadRequest();
        upload(Tokens.user("admin"), "x.xlsx", new byte[] {0x50, 0x4b, 3, 4}).expectStatus().isBadRequest();
        upload(Tokens.user("admin"), "x.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}).expectStatus().isBadRequest();
        assertThat(jobs()).isEqualTo(before);
    }

    @Test
    void anOversizedFileIsRefused() {
        byte[] big = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        JsonNode problem = upload(Tokens.user("admin"), "big.csv", big).expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("type").asString()).endsWith("/too-large");
    }

    @Test
    void onlyAdministratorsImport() {
        byte[] csv = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        upload(Tokens.user("rev-prov"), "x.csv", csv).expectStatus().isForbidden();
        upload(Tokens.client("bank-a"), "x.csv", csv).expectStatus().isForbidden();
        rest.get().uri("/api/v1/registry/imports").header("Authorization", "Bearer " + Tokens.user("ent-a")).exchange()
                .expectStatus().isForbidden();
    }
}
