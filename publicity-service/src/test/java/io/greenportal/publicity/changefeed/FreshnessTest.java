package io.greenportal.publicity.changefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.RegisterListingRequest;
import io.greenportal.publicity.announcements.Announcement;
import io.greenportal.publicity.announcements.AnnouncementStore;
import io.greenportal.publicity.support.Api;
import io.greenportal.publicity.support.Await;
import io.greenportal.publicity.support.IntegrationTest;
import io.greenportal.publicity.support.Registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/**
 * A change written to the registry reaches every public read (search, facets, statistics, the
 * feed, the listing itself), through the cache; revocation takes a listing out of the default search
 * and leaves it findable by status with its reason and date. The product says "within seconds"; how
 * many is a timing, which belongs to the benchmark (scripts/bench does not measure it yet): the waits
 * here are only generous limits.
 */
@IntegrationTest
class FreshnessTest {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    RestTestClient rest;

    @Autowired
    AnnouncementStore announcements;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        // the follower has caught up with the registry's history before the clock starts
        Await.until(Duration.ofSeconds(60), "the index follows the registry",
                () -> api.get("/api/v1/public/listings?size=1").path("total").asLong() > 0);
    }

    @Test
    void aNewListingIsInSearchFacetsStatisticsAndTheFeed() {
        String mark = Registry.uniqueHan(5);
        String name = "宁夏" + mark + "新型建材有限公司";
        long before = api.get("/api/v1/public/statistics?region=640106&type=GREEN_FACTORY&year=2024").path("total").asLong();

        Listing listing = Registry.factory(name, "640106", 2024);

        Await.until(WITHIN, "in search", () -> Api.item(api.get("/api/v1/public/listings?q={q}", mark),
                listing.getId()) != null);
        JsonNode page = api.get("/api/v1/public/listings?q={q}", mark);
        Await.until(WITHIN, "in statistics", () -> api.get(
                "/api/v1/public/statistics?region=640106&type=GREEN_FACTORY&year=2024").path("total").asLong() > before);
        Await.until(WITHIN, "in the feed", () -> inFeed(listing.getId(), "NEW_LISTING"));

        assertThat(page.path("total").asLong()).isEqualTo(1);
        // the statistics split their total by province: the listing counts for 宁夏回族自治区, and the parts add up
        JsonNode statistics = api.get("/api/v1/public/statistics");
        JsonNode ningxia = statistics.path("byProvince").valueStream().filter(p -> p.path("value").asString().equals("640000"))
                .findFirst().orElseThrow();
        assertThat(ningxia.path("name").asString()).isEqualTo("宁夏回族自治区");
        assertThat(ningxia.path("count").asLong()).isPositive();
        assertThat(statistics.path("byProvince").valueStream().mapToLong(p -> p.path("count").asLong()).sum())
                .isEqualTo(statistics.path("total").asLong());
        assertThat(Api.facet(page, "type", "GREEN_FACTORY")).isEqualTo(1);
        assertThat(Api.facet(page, "year", "2024")).isEqualTo(1);
        assertThat(Api.facet(page, "level", "PROVINCIAL")).isEqualTo(1);
        assertThat(Api.facet(page, "region", "640100")).isEqualTo(1);
        assertThat(Api.facet(page, "industry", "C30")).isEqualTo(1);
        JsonNode item = Api.item(page, listing.getId());
        assertThat(item.path("enterprise").path("name").asString()).isEqualTo(name);
        assertThat(item.path("highlight").path("enterpriseName").asString()).contains("<em>" + mark + "</em>");
        assertThat(item.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(item.path("typeName").asString()).isEqualTo("绿色工厂");
        assertThat(item.path("certificateNumber").asString()).isEqualTo(listing.getCertificateNumber());
        assertThat(item.path("certificateNumberAssigned").asBoolean()).as("the province's own certificate").isFalse();

        JsonNode detail = api.get("/api/v1/public/listings/{id}", listing.getId());
        assertThat(detail.path("indicators").get(0).path("value").asString()).isEqualTo("0.352");
        assertThat(announcements.countForListing(listing.getId(), Announcement.Kind.NEW_LISTING)).isEqualTo(1);
    }

    @Test
    void aListingFromAListWithoutNumbersSaysItsNumberIsTheRegistrys() {
        String mark = Registry.uniqueHan(5);
        // a national list that gives names, types and a year, but no numbers (as the Datong list)
        Listing imported = Registry.register(RegisterListingRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setType(ListingType.GREEN_SUPPLY_CHAIN).setLevel(Level.NATIONAL)
                .setEnterprise(Enterprise.newBuilder().setUscc(Registry.uscc("640106")).setName("宁夏" + mark + "供应链有限公司")
                        .setRegionCode("640106").setIndustryCode("C30"))
                .setYear(2019).setSource("IMPORT").setSourceRef("national-list-2019.csv").build());
        Await.until(WITHIN, "in search", () -> Api.item(api.get("/api/v1/public/listings?q={q}", mark), imported.getId()) != null);
        JsonNode detail = api.get("/api/v1/public/listings/{id}", imported.getId());
        assertThat(detail.path("certificateNumber").asString()).isEqualTo(imported.getCertificateNumber()).startsWith("GS-CN-2019-");
        assertThat(detail.path("certificateNumberAssigned").asBoolean()).as("the list gave no number").isTrue();
    }

    @Test
    void aSuspensionShowsWithItsReasonAndARevocationLeavesTheDefaultSearch() {
        String mark = Registry.uniqueHan(5);
        Listing listing = Registry.factory("宁夏" + mark + "水泥有限公司", "640202", 2023);
        Await.until(WITHIN, "registered listing searchable",
                () -> Api.item(api.get("/api/v1/public/listings?q={q}", mark), listing.getId()) != null);

        Registry.suspend(listing.getId(), "年度报告逾期未报送，限期三个月整改");
        Await.until(WITHIN, "suspension visible (and still in the default search)", () -> {
            JsonNode item = Api.item(api.get("/api/v1/public/listings?q={q}", mark), listing.getId());
            return item != null && "SUSPENDED".equals(item.path("status").asString());
        });
        JsonNode suspended = Api.item(api.get("/api/v1/public/listings?q={q}", mark), listing.getId());
        assertThat(suspended.path("statusName").asString()).isEqualTo("限期整改");
        assertThat(suspended.path("statusReason").asString()).isEqualTo("年度报告逾期未报送，限期三个月整改");
        assertThat(suspended.path("statusChangedAt").asString()).isNotEmpty();
        assertThat(Api.facet(api.get("/api/v1/public/listings?q={q}", mark), "status", "SUSPENDED"))
                .as("the status facet counts it").isEqualTo(1);
        Await.until(WITHIN, "the suspension in the feed", () -> inFeed(listing.getId(), "SUSPENDED"));

        Registry.restore(listing.getId(), "整改到位");
        Await.until(WITHIN, "restoration visible", () -> "ACTIVE".equals(
                Api.item(api.get("/api/v1/public/listings?q={q}", mark), listing.getId()).path("status").asString()));
        // active again, and the latest change stays visible in detail as in the export and the feed
        JsonNode restored = api.get("/api/v1/public/listings/" + listing.getId());
        assertThat(restored.path("statusReason").asString()).isEqualTo("整改到位");
        assertThat(restored.path("statusChangedAt").asString()).isNotEmpty();

        Registry.revoke(listing.getId(), "整改期满仍未达到评价要求，撤销称号");
        Await.until(WITHIN, "gone from the default search",
                () -> Api.item(api.get("/api/v1/public/listings?q={q}", mark), listing.getId()) == null);

        JsonNode revoked = Api.item(api.get("/api/v1/public/listings?q={q}&status=REVOKED", mark), listing.getId());
        assertThat(revoked).as("findable with status=REVOKED").isNotNull();
        assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.path("statusReason").asString()).isEqualTo("整改期满仍未达到评价要求，撤销称号");
        assertThat(revoked.path("statusChangedAt").asString()).startsWith(java.time.LocalDate.now().getYear() + "-");
        JsonNode all = api.get("/api/v1/public/listings?q={q}&status=ALL", mark);
        assertThat(Api.item(all, listing.getId())).isNotNull();
        assertThat(Api.facet(all, "status", "REVOKED")).isEqualTo(1);
        assertThat(Api.facet(all, "status", "SUSPENDED")).isZero();
        assertThat(api.get("/api/v1/public/listings/{id}", listing.getId()).path("status").asString()).isEqualTo("REVOKED");
        Await.until(WITHIN, "the revocation in the feed", () -> inFeed(listing.getId(), "REVOKED"));
        assertThat(api.get("/api/v1/public/statistics?region=640202&year=2023&status=REVOKED").path("total").asLong())
                .isGreaterThanOrEqualTo(1);
    }

    private boolean inFeed(String listingId, String kind) {
        for (JsonNode item : api.get("/api/v1/public/feed.json").path("items")) {
            if (listingId.equals(item.path("_greenportal").path("listingId").asString())
                    && kind.equals(item.path("_greenportal").path("kind").asString())) {
                return true;
            }
        }
        return false;
    }
}
