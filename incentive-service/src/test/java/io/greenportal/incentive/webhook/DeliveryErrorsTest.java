package io.greenportal.incentive.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the delivery log says when an attempt fails, from failures the JDK's HTTP client really throws. */
class DeliveryErrorsTest {

    final WebhookProperties properties = WebhookUrlsTest.properties(true, false);

    IOException attempt(URI uri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        return catchThrowableOfType(IOException.class, () -> http.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()));
    }

    @Test
    @Tag("unit") // a closed port on loopback: no network
    void aRefusedConnectionIsASentenceNamingHostAndPort() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/hook");
        IOException refused = attempt(uri);
        assertThat(refused).isNotNull();
        assertThat(DeliveryErrors.describe(refused, uri, properties))
                .isEqualTo("Connection refused by 127.0.0.1:" + port + ": nothing accepts connections there.");
    }

    @Test
    void anUnresolvableHostAndTimeoutsAreNamed() {
        URI uri = URI.create("https://hooks.nxbank.example/x");
        IOException unknown = attempt(uri);
        assertThat(DeliveryErrors.describe(unknown, uri, properties))
                .isEqualTo("The host hooks.nxbank.example does not resolve (no DNS address).");
        assertThat(DeliveryErrors.describe(new java.net.http.HttpTimeoutException("request timed out"), uri, properties))
                .isEqualTo("No answer from hooks.nxbank.example:443 within 10 s.");
        assertThat(DeliveryErrors.describe(new java.net.http.HttpConnectTimeoutException("HTTP connect timed out"), uri,
                properties)).isEqualTo("Could not connect to hooks.nxbank.example:443 within 3 s.");
    }
}
