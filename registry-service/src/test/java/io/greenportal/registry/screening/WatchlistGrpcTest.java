package io.greenportal.registry.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.GetWatchlistRequest;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.IntegrationTest;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;
import io.greenportal.registry.support.TestData;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;

import tools.jackson.databind.JsonNode;

/** GetWatchlist: a bank's finished screening as the credit codes another service may watch for it. */
@IntegrationTest
class WatchlistGrpcTest {

    /** The bank_id claims of the Keycloak clients bank-a and bank-b. */
    static final String BANK_A = "NXBANK";
    static final String BANK_B = "HHRCB";

    @Value("${local.grpc.port}")
    int grpcPort;

    @Autowired
    RestTestClient rest;

    @Autowired
    JdbcClient jdbc;

    ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = Grpc.channel(grpcPort);
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    RegistryServiceGrpc.RegistryServiceBlockingStub as(String token) {
        return Grpc.as(RegistryServiceGrpc.newBlockingStub(channel), token);
    }

    static GetWatchlistRequest request(String screening, String bank) {
        return GetWatchlistRequest.newBuilder().setScreeningId(screening).setBankId(bank).build();
    }

    void register(String uscc, String name) {
        rest.post().uri("/api/v1/registry/listings").header("Authorization", "Bearer " + Tokens.user("admin"))
                .contentType(MediaType.APPLICATION_JSON).body(TestData.factory(uscc, name)).exchange()
                .expectStatus().isCreated();
    }

    String screen(String bankClient, String csv) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "portfolio.csv";
            }
        });
        String id = rest.post().uri("/api/v1/registry/screenings").header("Authorization", "Bearer " + Tokens.client(bankClient))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        Waiting.atMost(Duration.ofSeconds(30), "the screening is done").until(() -> rest.get()
                .uri("/api/v1/registry/screenings/" + id).header("Authorization", "Bearer " + Tokens.client(bankClient))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody().get("status").asString().equals("DONE"));
        return id;
    }

    static void assertStatus(Runnable call, Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }

    @Test
    void aBanksFinishedScreeningGivesExactlyTheCodesOfItsMatchedFirms() {
        String byCode = TestData.uscc("640106");
        register(byCode, "宁夏观察名单水泥有限公司");
        String byName = TestData.uscc("640106");
        register(byName, "宁夏观察名单光伏材料有限公司");
        String unmatched = TestData.uscc("640106");
        register(unmatched, "宁夏不在组合里化工有限公司");
        String csv = "统一社会信用代码,企业名称,客户编号\n"
                + byCode + ",,LOAN-1\n"
                + ",宁夏观察名单光伏材料有限公司,LOAN-2\n"
                + byCode + ",宁夏观察名单水泥有限公司,LOAN-3\n"
                + ",北京完全不同科技有限公司,LOAN-4\n";
        String screening = screen("bank-a", csv);

        var watchlist = as(Tokens.client("incentive-service")).getWatchlist(request(screening, BANK_A));

        assertThat(watchlist.getScreeningId()).isEqualTo(screening);
        assertThat(watchlist.getUsccsList()).containsExactlyElementsOf(List.of(byCode, byName).stream().sorted().toList());
    }

    @Test
    void anotherBanksScreeningIsNotFoundAndAnUnfinishedOneIsAFailedPrecondition() {
        String screening = screen("bank-a", "name\n宁夏某某有限公司\n");
        var service = as(Tokens.client("incentive-service"));
        assertThat(service.getWatchlist(request(screening, BANK_A)).getUsccsCount()).isZero();

        assertStatus(() -> service.getWatchlist(request(screening, BANK_B)), Status.Code.NOT_FOUND);
        assertStatus(() -> service.getWatchlist(request(UUID.randomUUID().toString(), BANK_A)), Status.Code.NOT_FOUND);
        assertStatus(() -> service.getWatchlist(request("not-a-uuid", BANK_A)), Status.Code.INVALID_ARGUMENT);
        assertStatus(() -> service.getWatchlist(request(screening, " ")), Status.Code.INVALID_ARGUMENT);

        jdbc.sql("update screening_job set status = 'RUNNING' where id = :id").param("id", UUID.fromString(screening)).update();
        assertStatus(() -> service.getWatchlist(request(screening, BANK_A)), Status.Code.FAILED_PRECONDITION);
    }

    /** A 100,000-row portfolio (the most a bank may upload) whose every row matched a distinct firm: within gRPC's default 4 MB. */
    @Test
    void aWholeLargestPortfolioComesBackInOneAnswer() {
        UUID screening = UUID.randomUUID();
        jdbc.sql("""
                insert into screening_job (id, bank_id, file_name, format, status, rows_total, rows_done, matched,
                  created_by, created_at, finished_at)
                values (:id, :bank, 'portfolio.csv', 'CSV', 'DONE', 100000, 100000, 100000, 'bank-a', now(), now())""")
                .param("id", screening).param("bank", BANK_A).update();
        jdbc.sql("""
                insert into screening_result (job_id, line, outcome, matched_by, uscc)
                select :id, n, 'MATCHED', 'CREDIT_CODE', '91640100W' || lpad(n::text, 9, '0') from generate_series(1, 100000) n""")
                .param("id", screening).update();

        var watchlist = as(Tokens.client("incentive-service")).getWatchlist(request(screening.toString(), BANK_A));

        assertThat(watchlist.getUsccsCount()).isEqualTo(100_000);
        assertThat(watchlist.getUsccs(0)).isEqualTo("91640100W000000001");
        assertThat(watchlist.getUsccs(99_999)).isEqualTo("91640100W000100000");
    }

    @Test
    void onlyPortalServicesAndAdministratorsMayAsk() {
        String screening = screen("bank-a", "name\n宁夏某某有限公司\n");
        assertStatus(() -> RegistryServiceGrpc.newBlockingStub(channel).getWatchlist(request(screening, BANK_A)),
                Status.Code.UNAUTHENTICATED);
        // a bank itself may not: it could name any bank_id; it reads its screenings over REST
        for (String token : List.of(Tokens.client("bank-a"), Tokens.user("ent-a"), Tokens.user("rev-prov"))) {
            assertStatus(() -> as(token).getWatchlist(request(screening, BANK_A)), Status.Code.PERMISSION_DENIED);
        }
        assertThat(as(Tokens.user("admin")).getWatchlist(request(screening, BANK_A)).getScreeningId()).isEqualTo(screening);
    }
}
