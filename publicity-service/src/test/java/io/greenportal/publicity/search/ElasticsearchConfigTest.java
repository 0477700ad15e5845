package io.greenportal.publicity.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import io.greenportal.publicity.PublicityProperties;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the Elasticsearch client sends: with credentials, Basic auth on the very first request (no
 * 401 round trip first); without, no Authorization header at all. The server is a loopback socket
 * that records headers, so the client's wire behaviour is what is checked.
 */
@Tag("unit")
class ElasticsearchConfigTest {

    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "none" : authorization);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RestClient client(String username, String password) {
        var es = new PublicityProperties.Elasticsearch("http://127.0.0.1:" + server.getAddress().getPort(), username,
                password, null, "greenportal-listings", 0, 1, java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(5));
        return new ElasticsearchConfig().elasticsearchRestClient(new PublicityProperties(es, null, null, null, null));
    }

    @Test
    void credentialsGoOutWithTheFirstRequestAndEveryOneAfter() throws Exception {
        try (RestClient client = client("greenportal", "s3cret:ü")) {
            for (int i = 0; i < 3; i++) {
                client.performRequest(new Request("GET", "/"));
            }
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString("greenportal:s3cret:ü".getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).containsExactly(expected, expected, expected);
    }

    @Test
    void withoutCredentialsNoAuthorizationIsSent() throws Exception {
        try (RestClient client = client(null, null)) {
            client.performRequest(new Request("GET", "/"));
            client.performRequest(new Request("GET", "/"));
        }
        assertThat(authorizations).containsExactly("none", "none");
    }
}
