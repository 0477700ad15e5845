package io.greenportal.incentive.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.incentive.support.Api;
import io.greenportal.incentive.support.IntegrationTest;
import io.greenportal.incentive.support.Programs;
import io.greenportal.incentive.support.Registry;
import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * The retrofit rule (10 % of the total investment, at most 2,500 万元) against the eleven projects
 * of seed 004 that received the provincial green-manufacturing retrofit fund in Datong: 8.7 亿元 of
 * investment, 5,126 万元 of support. Every real support amount is approvable, a fen more than the
 * rule is not, and a budget of exactly 5,126 万元 is exhausted by them.
 */
@IntegrationTest
class RetrofitDatongTest {

    /** 企业, 项目, 总投资 (万元), 支持额度 (万元): 我市获省级绿色制造推广技改资金项目情况 (seed 004). */
    static final List<String[]> DATONG = List.of(
            new String[] {"国电电力大同发电有限责任公司", "#7 机组汽轮机通流改造", "8850", "385"},
            new String[] {"国电电力大同发电有限责任公司", "#8 机组汽轮机通流改造", "9000", "395"},
            new String[] {"大同富乔垃圾焚烧发电有限公司", "大同市城镇污泥干化处理项目", "6984", "200"},
            new String[] {"广灵金隅水泥有限公司", "水泥窑协同处置技改项目", "4659", "150"},
            new String[] {"国药集团威奇达药业有限公司", "7-ACA 发酵车间异味治理及克拉发酵车间尾气治理项目", "5200", "452"},
            new String[] {"国电电力大同发电有限责任公司", "8 号 600MW 亚临界机组低位能供热技术节能改造工程项目", "28223", "2360"},
            new String[] {"山西漳电大唐塔山发电有限公司", "塔山发电公司向塔山工业园区企业供工业生产蒸汽改造项目", "1420.54", "123"},
            new String[] {"大同冀东水泥有限责任公司", "生产线节能技术改造", "2007.19", "173"},
            new String[] {"大同富乔垃圾焚烧发电有限公司", "增加 500 吨/日生活垃圾处理能力扩容项目", "10765", "447"},
            new String[] {"大同市黄河供水有限责任公司", "大同市口泉水厂消毒系统改造工程", "1766", "96"},
            new String[] {"山西亿晨环保科技有限公司", "6万吨再生铅改扩建项目改建工程", "8123", "345"});
    static final BigDecimal WAN = new BigDecimal("10000");

    static Listing listing;

    @Autowired
    RestTestClient rest;

    Api api;

    @BeforeAll
    static void qualifyingListing() {
        listing = Registry.entA("factory-2025", ListingType.GREEN_FACTORY, Level.PROVINCIAL, 2025);
    }

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    static BigDecimal yuan(String wan) {
        return new BigDecimal(wan).multiply(WAN).setScale(2, RoundingMode.UNNECESSARY);
    }

    @Test
    void everyDatongProjectIsApprovableAtItsRealSupportAndTheFundIsExactlyUsedUp() {
        JsonNode program = Programs.create(api, Programs.retrofit("51260000.00"));
        String programId = program.get("id").asString();
        BigDecimal investments = BigDecimal.ZERO;
        for (String[] row : DATONG) {
            BigDecimal investment = yuan(row[2]);
            BigDecimal support = yuan(row[3]);
            investments = investments.add(investment);
            JsonNode application = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                    Map.of("programId", programId, "listingId", listing.getId(),
                            "project", Map.of("name", row[1], "content", row[0], "totalInvestment", investment))),
                    HttpStatus.CREATED);
            BigDecimal proposed = application.get("proposedAmount").decimalValue();
            BigDecimal rule = investment.multiply(new BigDecimal("0.10")).min(new BigDecimal("25000000.00"))
                    .setScale(2, RoundingMode.DOWN);
            assertThat(proposed).as(row[1]).isEqualByComparingTo(rule);
            assertThat(support).as(row[1]).isLessThanOrEqualTo(proposed);

            String path = "/subsidy-applications/" + application.get("id").asString() + "/approval";
            JsonNode tooMuch = Api.json(api.post(Tokens.user("rev-prov"), path,
                    Map.of("amount", proposed.add(new BigDecimal("0.01")))), HttpStatus.BAD_REQUEST);
            assertThat(tooMuch.get("type").asString()).endsWith("/amount-above-rule");
            JsonNode approved = Api.json(api.post(Tokens.user("rev-prov"), path, Map.of("amount", support)), HttpStatus.OK);
            assertThat(approved.get("approvedAmount").decimalValue()).isEqualByComparingTo(support);
        }
        assertThat(investments).isEqualByComparingTo(yuan("86997.73")); // "总投资 8.7 亿元"

        JsonNode after = Api.json(api.get(Tokens.user("admin"), "/programs/" + programId), HttpStatus.OK);
        assertThat(after.get("committed").decimalValue()).isEqualByComparingTo(yuan("5126")); // "5126 万元"
        assertThat(after.get("remaining").decimalValue()).isEqualByComparingTo("0");

        // the fund is spent: a twelfth project cannot be approved a single fen
        JsonNode twelfth = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", programId, "listingId", listing.getId(),
                        "project", Map.of("name", "余热发电改造", "totalInvestment", "1000000.00"))), HttpStatus.CREATED);
        JsonNode exhausted = Api.json(api.post(Tokens.user("rev-prov"),
                "/subsidy-applications/" + twelfth.get("id").asString() + "/approval", Map.of("amount", "0.01")),
                HttpStatus.CONFLICT);
        assertThat(exhausted.get("type").asString()).endsWith("/budget-exhausted");
        assertThat(Api.json(api.get(Tokens.user("rev-prov"), "/subsidy-applications/" + twelfth.get("id").asString()),
                HttpStatus.OK).get("status").asString()).isEqualTo("SUBMITTED");

        // and its budget cannot be cut below what is approved
        JsonNode cut = Api.json(api.patch(Tokens.user("admin"), "/programs/" + programId, Map.of("budget", "50000000.00")),
                HttpStatus.CONFLICT);
        assertThat(cut.get("type").asString()).endsWith("/budget-below-committed");
    }

    @Test
    void theCapBindsTheLargestProjectAndSmallInvestmentsRoundDownToTheFen() {
        String programId = Programs.create(api, Programs.retrofit("100000000.00")).get("id").asString();
        JsonNode largest = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", programId, "listingId", listing.getId(),
                        "project", Map.of("name", DATONG.get(5)[1], "totalInvestment", yuan("28223")))), HttpStatus.CREATED);
        assertThat(largest.get("proposedAmount").decimalValue()).isEqualByComparingTo("25000000.00");

        JsonNode odd = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", programId, "listingId", listing.getId(),
                        "project", Map.of("name", "电机能效提升", "totalInvestment", "12345.67"))), HttpStatus.CREATED);
        assertThat(odd.get("proposedAmount").decimalValue()).isEqualByComparingTo("1234.56");

        for (Object investment : List.of("-100", "0", "12.345", "100000000000.01", "1.2345e7")) {
            JsonNode problem = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                    Map.of("programId", programId, "listingId", listing.getId(),
                            "project", Map.of("name", "坏数据", "totalInvestment", investment))), HttpStatus.BAD_REQUEST);
            assertThat(problem.get("field").asString()).isEqualTo("project.totalInvestment");
        }
        JsonNode noProject = Api.json(api.post(Tokens.user("ent-a"), "/subsidy-applications",
                Map.of("programId", programId, "listingId", listing.getId())), HttpStatus.BAD_REQUEST);
        assertThat(noProject.get("field").asString()).isEqualTo("project");
    }
}
