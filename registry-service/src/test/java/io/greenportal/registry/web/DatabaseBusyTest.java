package io.greenportal.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.greenportal.platform.test.CleanDatabase;
import io.greenportal.platform.test.Tokens;
import io.greenportal.registry.support.TestData;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every pooled connection in use: a request waits the pool's timeout and gets 503 with Retry-After
 * as a problem (web-edge), nothing written; once connections are free again it succeeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=250"})
@ActiveProfiles("test")
@Import(CleanDatabase.class)
class DatabaseBusyTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + Tokens.user("admin")).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestFindingNoFreeConnectionIsA503WithRetryAfter() throws Exception {
        String listing = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(TestData.factory(TestData.uscc("640104"), "宁夏连接池有限公司"));
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(dataSource.getConnection());
            }
            for (var response : List.of(send("GET", "/api/v1/registry/listings", null),
                    send("POST", "/api/v1/registry/listings", listing))) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).contains("https://greenportal.io/problems/database-busy")
                        .doesNotContain("Exception").doesNotContain("Hikari");
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(send("GET", "/api/v1/registry/listings", null).statusCode()).isEqualTo(200);
        var created = send("POST", "/api/v1/registry/listings", listing);
        assertThat(created.statusCode()).as("the refused create wrote nothing: " + created.body()).isEqualTo(201);
    }
}
