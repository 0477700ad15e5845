package io.greenportal.gateway.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refusals written on the connection, with Netty's own HTTP codec in front of the handler as in
 * the gateway (no server): what the decoder gives up on, a body that stops coming, and nothing
 * written twice.
 */
@Tag("unit")
class WireRefusalsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(String head, JsonNode problem) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    static EmbeddedChannel channel(Duration requestTimeout) {
        return channel(requestTimeout, Duration.ofSeconds(15));
    }

    /** A channel on the event loop's clock, which stands still unless a test moves it ({@link #later}). */
    static EmbeddedChannel channel(Duration requestTimeout, Duration readTimeout) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(1024, 1024, 8192),
                new WireRefusals(requestTimeout, readTimeout, DataSize.ofBytes(1024), DataSize.ofBytes(1024)));
        channel.freezeTime();
        return channel;
    }

    /** Moves the channel's clock on and runs what fell due. */
    static void later(EmbeddedChannel channel, Duration by) {
        channel.advanceTimeBy(by.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        channel.runPendingTasks();
    }

    static Answer answer(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            ByteBuf bytes = (ByteBuf) out;
            text.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.release();
        }
        String all = text.toString();
        int end = all.indexOf("\r\n\r\n");
        assertThat(end).as("a response: %s", all).isPositive();
        String body = all.substring(end + 4);
        return new Answer(all.substring(0, end), body.isEmpty() ? null : JSON.readTree(body));
    }

    static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.head().toLowerCase()).contains("content-type: application/problem+json", "connection: close");
        assertThat(answer.problem().get("type").asString()).isEqualTo("https://greenportal.io/problems/" + type);
        assertThat(answer.problem().get("status").asInt()).isEqualTo(status);
        assertThat(answer.problem().get("detail").asString()).isNotBlank().doesNotContain("Exception", "io.netty");
    }

    @Test
    void aRequestLineOverTheLimitIs414() {
        EmbeddedChannel channel = channel(Duration.ofMinutes(5));
        send(channel, "GET /api/v1/public/listings?q=" + "a".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        Answer answer = answer(channel);
        assertProblem(answer, 414, "uri-too-long");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void headersOverTheLimitAre431() {
        EmbeddedChannel channel = channel(Duration.ofMinutes(5));
        send(channel, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n");
        assertProblem(answer(channel), 431, "headers-too-large");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void whatIsNotHttpIs400() {
        for (String garbage : new String[] {"GET / HTTP/9.9\r\n\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 12abc\r\n\r\n"}) {
            EmbeddedChannel channel = channel(Duration.ofMinutes(5));
            send(channel, garbage);
            assertProblem(answer(channel), 400, "malformed-request");
        }
    }

    @Test
    void aBodyThatStopsComingIs408() {
        EmbeddedChannel channel = channel(Duration.ofMinutes(5), Duration.ofMillis(150));
        send(channel, "POST /api/v1/incentives/programs HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"code\":");
        assertThat((Object) channel.readInbound()).isNotNull(); // the request went on to the application
        for (int i = 0; i < 3; i++) { // parts that keep coming keep it alive
            later(channel, Duration.ofMillis(100));
            send(channel, "\"x");
        }
        assertThat((Object) channel.readOutbound()).isNull();
        later(channel, Duration.ofMillis(200));
        assertProblem(answer(channel), 408, "request-timeout");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aBodyNotCompleteWithinTheRequestTimeoutIs408() {
        EmbeddedChannel channel = channel(Duration.ofMillis(50));
        send(channel, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{");
        later(channel, Duration.ofMillis(100));
        assertProblem(answer(channel), 408, "request-timeout");
    }

    @Test
    void noRefusalOnceTheApplicationHasAnsweredAndNothingAfterARefusal() {
        EmbeddedChannel channel = channel(Duration.ofMinutes(5));
        send(channel, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{");
        var early = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
        early.headers().setInt("content-length", 0);
        channel.writeOutbound(early);
        channel.pipeline().fireExceptionCaught(ReadTimeoutException.INSTANCE);
        assertThat(answer(channel).status()).isEqualTo(413); // the application's answer, and no 408 after it

        EmbeddedChannel refused = channel(Duration.ofMinutes(5));
        send(refused, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n");
        assertThat(answer(refused).status()).isEqualTo(431);
        refused.pipeline().writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST));
        assertThat((Object) refused.readOutbound()).isNull();
    }

    @Test
    void aGoodRequestPassesUntouched() {
        EmbeddedChannel channel = channel(Duration.ofMinutes(5));
        send(channel, "GET /api/v1/public/listings?q=x HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat((Object) channel.readInbound()).isNotNull();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(channel.isOpen()).isTrue();
    }
}
