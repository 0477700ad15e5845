package io.greenportal.gateway.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.greenportal.platform.test.Tokens;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Slow and greedy clients, spoken to over raw sockets: a request whose headers never finish is
 * closed after the idle time-out, one whose declared body stops coming is cut off after the read
 * time-out with a 408 problem detail, one address cannot hold more
 * connections than the cap, and a keep-alive connection keeps being read whatever was answered on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.enabled=false",
        "greenportal.gateway.connections.idle-timeout=10s", "greenportal.gateway.connections.read-timeout=1s",
        "greenportal.gateway.connections.request-timeout=30s", "greenportal.gateway.connections.max-per-address=3"})
class ClientConnectionsTest {

    @LocalServerPort
    int port;

    Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(200);
        return socket;
    }

    /** What the server sent so far, and whether it closed the connection. */
    record Seen(String text, boolean closed) {
    }

    static Seen read(Socket socket) throws IOException {
        StringBuilder text = new StringBuilder();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            return new Seen(text.toString(), true);
        } catch (SocketTimeoutException e) {
            return new Seen(text.toString(), false);
        } catch (IOException e) { // reset by the server
            return new Seen(text.toString(), true);
        }
    }

    @Test
    void headersThatNeverFinishAreClosed() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /api/v1/public/listings HTTP/1.1\r\nHost: portal\r\nAccept: */*\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(30)).until(() -> read(socket).closed());
        }
    }

    @Test
    void aBodyThatStopsComingIsCutOff() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/v1/incentives/programs HTTP/1.1\r\nHost: portal\r\n"
                    + "Authorization: Bearer " + Tokens.user("admin") + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"code\":").getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Seen seen = read(socket);
                answer.append(seen.text());
                return seen.closed();
            });
            // a 408 problem detail, then the connection closes (WireRefusals)
            assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("application/problem+json",
                    "\"type\":\"https://greenportal.io/problems/request-timeout\"");
        }
    }

    @Test
    void oneAddressHoldsAtMostTheCapOfConnections() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        Set<Socket> closed = new HashSet<>();
        try {
            for (int i = 0; i < 4; i++) {
                sockets.add(connect());
            }
            // which of the four is over the cap depends on the order the event loops accept them in
            await().atMost(Duration.ofSeconds(8)).until(() -> {
                for (Socket socket : sockets) {
                    if (!closed.contains(socket) && read(socket).closed()) {
                        closed.add(socket);
                    }
                }
                return closed.size() == 1;
            });
            Socket open = sockets.stream().filter(socket -> !closed.contains(socket)).findFirst().orElseThrow();
            open.getOutputStream().write("GET /account HTTP/1.1\r\nHost: portal\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            await().atMost(Duration.ofSeconds(8)).until(() -> {
                answer.append(read(open).text());
                return answer.indexOf("\r\n\r\n") > 0;
            });
            assertThat(answer.toString()).startsWith("HTTP/1.1 200");
            assertThat(closed).as("exactly one connection over the cap closed").hasSize(1);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * A request sent while the previous answer is still being finished (pipelined, or simply quick)
     * and answered by the gateway itself, at once (a CORS refusal here; a cached answer, a 304 or a
     * 401 the same way). With Reactor Netty 1.3.6 the server then never read that connection again:
     * the client's next request on it waited until the client gave up (up to one in five
     * conditional searches in a row from a quick client hung that way).
     */
    @Test
    void aConnectionIsStillReadAfterAnAnswerGivenAtOnceToAPipelinedRequest() throws Exception {
        try (Socket socket = connect()) {
            String proxied = "GET /api/v1/registry/reference/regions HTTP/1.1\r\nHost: portal\r\n\r\n";
            String refusedPreflight = "OPTIONS /api/v1/public/listings HTTP/1.1\r\nHost: portal\r\n"
                    + "Origin: https://evil.example.com\r\nAccess-Control-Request-Method: GET\r\n\r\n";
            socket.getOutputStream().write((proxied + refusedPreflight).getBytes(StandardCharsets.US_ASCII));
            StringBuilder answers = new StringBuilder();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                answers.append(read(socket).text());
                // the refusal's problem detail is the last thing on the wire
                return answers.indexOf("HTTP/1.1 403") > 0 && answers.toString().endsWith("}");
            });
            assertThat(answers.toString()).startsWith("HTTP/1.1 200");

            socket.getOutputStream().write(proxied.getBytes(StandardCharsets.US_ASCII));
            StringBuilder next = new StringBuilder();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                next.append(read(socket).text());
                return next.indexOf("\r\n\r\n") > 0;
            });
            assertThat(next.toString()).startsWith("HTTP/1.1 200");
        }
    }
}
