package io.greenportal.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.greenportal.platform.test.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat refuses before any application code runs (web-edge's error valve): a client's
 * malformed request is a 4xx problem, never a 5xx that would count against the service.
 */
@IntegrationTest
class ContainerRefusalsTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownTransferCodingAnUnknownVersionAndConnectAreClientErrors() throws IOException {
        String chunked = "POST /api/v1/registry/listings HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: xchunked\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
        assertThat(send(chunked)).startsWith("HTTP/1.1 400 ").contains("application/problem+json").contains("/problems/bad-request");
        assertThat(send("GET /api/v1/registry/listings HTTP/1.2\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
                .matches("(?s)HTTP/1.1 400 .*");
        assertThat(send("CONNECT 127.0.0.1:8081 HTTP/1.1\r\nHost: 127.0.0.1:8081\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 405 ").contains("CONNECT is not allowed here");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
