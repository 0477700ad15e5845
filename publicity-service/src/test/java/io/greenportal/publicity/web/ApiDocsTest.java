package io.greenportal.publicity.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.publicity.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The OpenAPI document lists the public endpoints, anonymously. */
@IntegrationTest
class ApiDocsTest {

    @Autowired
    RestTestClient rest;

    @Test
    void theOpenApiDocumentListsThePublicEndpoints() {
        String doc = rest.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(doc).contains("/api/v1/public/listings", "/api/v1/public/feed.atom", "/api/v1/public/export.csv",
                "/api/v1/public/targets/{id}", "/api/v1/public/admin/reindex", "/api/v1/public/notices");
    }
}
