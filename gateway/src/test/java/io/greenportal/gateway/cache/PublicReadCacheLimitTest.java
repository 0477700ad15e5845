package io.greenportal.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

/**
 * An answer larger than an entry may be reaches the caller whole, as the service sent it, and is
 * simply not kept (the running publicity service's search answers are over the 64 bytes set here, even with no result).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "greenportal.rate-limits.enabled=false", "greenportal.gateway.public-read-cache.max-entry-bytes=64B",
        "greenportal.gateway.public-read-cache.min-uses=1"})
@AutoConfigureWebTestClient
class PublicReadCacheLimitTest {

    @Autowired
    WebTestClient web;

    @Test
    void anAnswerLargerThanAnEntryPassesWholeAndIsNotKept() {
        String search = "/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5&size=5&t=" + UUID.randomUUID();
        EntityExchangeResult<JsonNode> first = web.get().uri(search).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult();
        assertThat(first.getResponseBody().path("items").isArray()).as("a complete JSON answer").isTrue();
        assertThat(first.getResponseBodyContent()).hasSizeGreaterThan(64);

        EntityExchangeResult<byte[]> second = web.get().uri(search).exchange().expectStatus().isOk()
                .expectBody().returnResult();
        assertThat(second.getResponseHeaders().containsHeader("Age")).as("not answered from memory").isFalse();
        assertThat(second.getResponseBody()).hasSameSizeAs(first.getResponseBodyContent());
    }
}
