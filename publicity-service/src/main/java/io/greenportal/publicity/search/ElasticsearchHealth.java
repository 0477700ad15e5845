package io.greenportal.publicity.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Elasticsearch in the health details (cluster health: {@code GET /} is refused by this
 * distribution). Not part of liveness or readiness: without Elasticsearch, search answers 503 but
 * notices, feeds and targets still work.
 */
@Component("elasticsearch")
public class ElasticsearchHealth implements HealthIndicator {

    private final ElasticsearchClient client;
    private final ListingIndex index;

    public ElasticsearchHealth(ElasticsearchClient client, ListingIndex index) {
        this.client = client;
        this.index = index;
    }

    @Override
    public Health health() {
        try {
            var health = client.cluster().health();
            var builder = switch (health.status()) {
                case Red -> Health.down();
                default -> Health.up();
            };
            return builder.withDetail("cluster", health.clusterName())
                    .withDetail("status", health.status().jsonValue())
                    .withDetail("alias", index.alias())
                    .build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
