package io.greenportal.registry.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.GetListingRequest;
import io.greenportal.contracts.registry.v1.LookupByUsccRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.contracts.registry.v1.WatchChangesRequest;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.registry.changefeed.ChangeLog;
import io.greenportal.registry.support.TestData;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;

/** The times the registry answers with: when a status took effect, in which offset, and never after an as-of day. */
@IntegrationTest
class ListingTimesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Any ISO-8601 date-time inside a JSON answer. */
    static final Pattern DATE_TIME = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(?:Z|[+-]\\d{2}:\\d{2}))\"");

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChangeLog changeLog;

    @Value("${local.grpc.port}")
    int grpcPort;

    ManagedChannel channel;
    RegistryServiceGrpc.RegistryServiceBlockingStub registry;

    @BeforeEach
    void connect() {
        channel = Grpc.channel(grpcPort);
        registry = Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), Tokens.client("incentive-service"));
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    String register(Map<String, Object> body) {
        return rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
    }

    RestTestClient.ResponseSpec get(String uri) {
        return rest.get().uri(uri).header("Authorization", "Bearer " + Tokens.user("admin")).exchange();
    }

    String text(String uri) {
        return get(uri).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    JsonNode json(String uri) {
        return get(uri).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static List<String> dateTimes(String json) {
        List<String> found = new ArrayList<>();
        Matcher m = DATE_TIME.matcher(json);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static long epochSecond(String day) {
        return LocalDate.parse(day).atStartOfDay(SHANGHAI).toEpochSecond();
    }

    Map<String, Object> factory(String uscc, String name, int year, String grantedOn) {
        Map<String, Object> body = new HashMap<>(TestData.factory(uscc, name));
        body.put("year", year);
        if (grantedOn != null) {
            body.put("grantedOn", grantedOn);
        }
        return body;
    }

    /** The change-feed entries of one listing, from the feed itself, written after {@code after}. */
    List<Change> feedOf(String listingId, long after) {
        var feed = Grpc.as(ChangeFeedServiceGrpc.newBlockingStub(channel), Tokens.client("publicity-service"));
        var changes = feed.withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
                .watchChanges(WatchChangesRequest.newBuilder().setAfterSequence(after).build());
        long last = changeLog.lastSequence();
        List<Change> mine = new ArrayList<>();
        while (changes.hasNext()) {
            Change change = changes.next();
            if (change.getListing().getId().equals(listingId)) {
                mine.add(change);
            }
            if (change.getSequence() >= last) {
                break;
            }
        }
        return mine;
    }

    @Test
    void aListingWhoseStatusNeverChangedHasHeldItSinceItTookEffectOnEveryDoor() {
        long before = changeLog.lastSequence();
        String granted = register(factory(TestData.uscc("640106"), "宁夏状态时间甲有限公司", 2020, "2020-06-01"));
        String undated = register(factory(TestData.uscc("640106"), "宁夏状态时间乙有限公司", 2021, null));

        JsonNode detail = json("/api/v1/registry/listings/" + granted);
        JsonNode rest1 = detail.get("listing");
        assertThat(rest1.get("statusChangedAt").asString()).isEqualTo("2020-06-01T00:00:00+08:00");
        assertThat(detail.get("statusHistory").get(0).get("at").asString()).isEqualTo("2020-06-01T00:00:00+08:00");
        // the README's rule: without a granted-on date, a past year's listing takes effect on 31 December,
        // and has no grant date: none is made up
        JsonNode rest2 = json("/api/v1/registry/listings/" + undated).get("listing");
        assertThat(rest2.has("grantedOn")).as("grantedOn of an undated listing: %s", rest2.get("grantedOn")).isFalse();
        assertThat(registry.getListing(GetListingRequest.newBuilder().setId(undated).build()).getGrantedOn()).isEmpty();
        assertThat(rest2.get("statusChangedAt").asString()).isEqualTo("2021-12-31T00:00:00+08:00");

        var grpc = registry.getListing(GetListingRequest.newBuilder().setId(granted).build());
        assertThat(grpc.getStatusChangedAt().getSeconds()).isEqualTo(epochSecond("2020-06-01"));

        List<Change> feed = feedOf(granted, before);
        assertThat(feed).hasSize(1);
        assertThat(feed.getFirst().getListing().getStatusChangedAt().getSeconds()).isEqualTo(epochSecond("2020-06-01"));

        // a rename republishes the listing; its status time stays the one of its status
        rest.patch().uri("/api/v1/registry/enterprises/" + rest1.get("enterprise").get("uscc").asString())
                .header("Authorization", "Bearer " + Tokens.user("admin")).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "宁夏状态时间丙有限公司")).exchange().expectStatus().isOk();
        assertThat(feedOf(granted, before).getLast().getListing().getStatusChangedAt().getSeconds())
                .isEqualTo(epochSecond("2020-06-01"));
    }

    @Test
    void anImportedListingHasHeldItsStatusSinceItsGrantedOnDay() throws Exception {
        String uscc = TestData.uscc("640302");
        String csv = "uscc,enterprise_name,region_code,industry_code,type,level,year,granted_on\n"
                + uscc + ",宁夏导入时间有限公司,640302,C30,GREEN_FACTORY,NATIONAL,2019,2019-11-20\n";
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "times.csv";
            }
        });
        String job = rest.post().uri("/api/v1/registry/imports").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        Waiting.atMost(Duration.ofSeconds(30), "the import finishes")
                .until(() -> !"RUNNING".equals(json("/api/v1/registry/imports/" + job).get("status").asString()));
        JsonNode listing = json("/api/v1/registry/enterprises/" + uscc).get("listings").get(0);
        assertThat(listing.get("statusChangedAt").asString()).isEqualTo("2019-11-20T00:00:00+08:00");
    }

    @Test
    void anAsOfAnswerCarriesNoTimeAfterItsDay() {
        String uscc = TestData.uscc("640106");
        String id = register(factory(uscc, "宁夏历史时间有限公司", 2020, "2020-06-01"));
        rest.post().uri("/api/v1/registry/listings/" + id + "/status").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("action", "SUSPEND", "reason", "年度报告逾期"))
                .exchange().expectStatus().isOk();
        OffsetDateTime endOfDay = LocalDate.parse("2022-12-31").plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime();

        for (String uri : List.of("/api/v1/registry/listings/" + id + "?asOf=2022-12-31",
                "/api/v1/registry/enterprises/" + uscc + "?asOf=2022-12-31")) {
            String answer = text(uri);
            assertThat(answer).contains("\"status\":\"ACTIVE\"");
            List<String> times = dateTimes(answer);
            assertThat(times).as(uri).isNotEmpty()
                    .allSatisfy(t -> assertThat(OffsetDateTime.parse(t)).as(uri + ": " + t).isBefore(endOfDay));
        }

        var then = registry.getListing(GetListingRequest.newBuilder().setId(id).setAsOf("2022-12-31").build());
        assertThat(then.getStatusChangedAt().getSeconds()).isEqualTo(epochSecond("2020-06-01"));
        assertThat(then.hasCreatedAt()).isFalse();
        var looked = registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).setAsOf("2022-12-31").build());
        assertThat(looked.getListings(0).getStatusChangedAt().getSeconds()).isEqualTo(epochSecond("2020-06-01"));
        assertThat(looked.getListings(0).hasCreatedAt()).isFalse();
    }

    @Test
    void listingsLoadedBeforeTheFixAreCorrectedByTheMigration() throws Exception {
        String id = register(factory(TestData.uscc("640106"), "宁夏迁移时间有限公司", 2020, "2020-06-01"));
        // as the registry wrote a listing before: its status time was the moment it was loaded
        jdbc.sql("update listing set status_changed_at = created_at where id = cast(:id as uuid)").param("id", id).update();
        jdbc.sql("""
                update change_log set snapshot = jsonb_set(snapshot, '{statusChangedAt}', snapshot -> 'createdAt')
                where listing_id = cast(:id as uuid)""").param("id", id).update();
        assertThat(json("/api/v1/registry/listings/" + id).get("listing").get("statusChangedAt").asString())
                .doesNotStartWith("2020-06-01");

        migrate("V2__status_time_of_unchanged_listings.sql");

        assertThat(json("/api/v1/registry/listings/" + id).get("listing").get("statusChangedAt").asString())
                .isEqualTo("2020-06-01T00:00:00+08:00");
        assertThat(json("/api/v1/registry/listings/" + id + "?asOf=2021-01-01").get("listing").get("statusChangedAt")
                .asString()).isEqualTo("2020-06-01T00:00:00+08:00");
    }

    /** Runs a migration again, over rows written as the registry wrote them before it. */
    void migrate(String script) throws Exception {
        String migration = new ClassPathResource("db/migration/" + script).getContentAsString(StandardCharsets.UTF_8);
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
    }

    @Test
    void enterprisesLoadedBeforeTheFixBearTheirFirstNameSinceTheirEarliestListing() throws Exception {
        String uscc = TestData.uscc("640106");
        register(factory(uscc, "宁夏迁移名称有限公司", 2020, "2020-06-01"));
        jdbc.sql("update enterprise_name set valid_from = now() where uscc = :u").param("u", uscc).update();
        assertThat(json("/api/v1/registry/enterprises/" + uscc + "?asOf=2021-01-01").get("names").size()).isZero();

        migrate("V4__first_name_since_earliest_listing.sql");

        JsonNode then = json("/api/v1/registry/enterprises/" + uscc + "?asOf=2021-01-01");
        assertThat(then.get("names").get(0).get("validFrom").asString()).isEqualTo("2020-06-01T00:00:00+08:00");
        assertThat(then.get("enterprise").get("name").asString()).isEqualTo("宁夏迁移名称有限公司");
    }

    @Test
    void anAsOfAnswerNamesTheEnterpriseAsItWasCalledThatDay() {
        String uscc = TestData.uscc("640106");
        register(factory(uscc, "宁夏当年名称有限公司", 2020, "2020-06-01"));
        rest.patch().uri("/api/v1/registry/enterprises/" + uscc).header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "宁夏如今名称有限公司")).exchange()
                .expectStatus().isOk();

        JsonNode then = json("/api/v1/registry/enterprises/" + uscc + "?asOf=2021-01-01");
        assertThat(then.get("enterprise").get("name").asString()).isEqualTo("宁夏当年名称有限公司");
        assertThat(then.get("names").valueStream().map(n -> n.get("name").asString())).containsExactly("宁夏当年名称有限公司");
        assertThat(then.get("names").get(0).has("validTo")).isFalse();
        JsonNode now = json("/api/v1/registry/enterprises/" + uscc);
        assertThat(now.get("enterprise").get("name").asString()).isEqualTo("宁夏如今名称有限公司");
        assertThat(now.get("names").size()).isEqualTo(2);
    }

    @Test
    void everyTimeInTheRestAnswersCarriesTheShanghaiOffset() {
        String uscc = TestData.uscc("640106");
        String id = register(factory(uscc, "宁夏时区旧名有限公司", 2020, "2020-06-01"));
        rest.patch().uri("/api/v1/registry/enterprises/" + uscc).header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "宁夏时区新名有限公司")).exchange()
                .expectStatus().isOk();
        rest.post().uri("/api/v1/registry/listings/" + id + "/status").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("action", "SUSPEND", "reason", "整改")).exchange()
                .expectStatus().isOk();

        for (String uri : List.of("/api/v1/registry/enterprises/" + uscc,
                "/api/v1/registry/enterprises/" + uscc + "?asOf=2023-01-01",
                "/api/v1/registry/listings/" + id,
                "/api/v1/registry/listings/" + id + "?asOf=2023-01-01",
                "/api/v1/registry/listings?year=2020&size=200")) {
            List<String> times = dateTimes(text(uri));
            assertThat(times).as(uri).isNotEmpty().allSatisfy(t -> assertThat(t).as(uri).endsWith("+08:00"));
        }
    }

    @Test
    void aDayAfterTodayIsRefusedNamingAsOf() {
        String uscc = TestData.uscc("640106");
        String id = register(factory(uscc, "宁夏未来日期有限公司", 2020, "2020-06-01"));
        String tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
        String today = LocalDate.now(SHANGHAI).toString();

        for (String uri : List.of("/api/v1/registry/listings/" + id + "?asOf=" + tomorrow,
                "/api/v1/registry/listings/" + id + "?asOf=2099-01-01",
                "/api/v1/registry/enterprises/" + uscc + "?asOf=2099-01-01")) {
            JsonNode problem = get(uri).expectStatus().isEqualTo(HttpStatus.BAD_REQUEST).expectBody(JsonNode.class)
                    .returnResult().getResponseBody();
            assertThat(problem.get("field").asString()).as(uri).isEqualTo("asOf");
        }
        get("/api/v1/registry/listings/" + id + "?asOf=" + today).expectStatus().isOk();
        get("/api/v1/registry/enterprises/" + uscc + "?asOf=" + today).expectStatus().isOk();

        for (Runnable call : List.<Runnable>of(
                () -> registry.getListing(GetListingRequest.newBuilder().setId(id).setAsOf(tomorrow).build()),
                () -> registry.lookupByUscc(LookupByUsccRequest.newBuilder().setUscc(uscc).setAsOf("2099-01-01").build()),
                () -> registry.batchLookup(io.greenportal.contracts.registry.v1.BatchLookupRequest.newBuilder()
                        .addUsccs(uscc).setAsOf("2099-01-01").build()))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(e.getStatus().getDescription()).startsWith("as_of");
            });
        }
        assertThat(registry.getListing(GetListingRequest.newBuilder().setId(id).setAsOf(today).build()).getId())
                .isEqualTo(id);
    }
}
