package io.greenportal.publicity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own settings ({@code greenportal.*} in application.yml, each overridable by a
 * {@code GP_*} environment variable).
 */
@ConfigurationProperties(prefix = "greenportal")
public record PublicityProperties(@DefaultValue Elasticsearch elasticsearch, @DefaultValue Feeds feeds,
        @DefaultValue Cache cache, @DefaultValue Search search, @DefaultValue Export export) {

    /**
     * @param url        e.g. http://127.0.0.1:9200 or https://greenportal-es-http:9200
     * @param username   optional basic-auth user (ECK)
     * @param password   its password
     * @param caFile     optional PEM file of the CA that signed the server's certificate
     * @param alias      the alias the public reads; physical indices are {@code <alias>-<timestamp>}
     * @param replicas   number_of_replicas of new indices (0 on a single node)
     * @param shards     number_of_shards of new indices
     */
    public record Elasticsearch(@DefaultValue("http://127.0.0.1:9200") String url, String username, String password,
            String caFile, @DefaultValue("greenportal-listings") String alias, @DefaultValue("0") int replicas,
            @DefaultValue("1") int shards, @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("30s") Duration socketTimeout) {
    }

    /**
     * @param enabled    whether this instance competes to follow the feeds (one instance at a time does)
     * @param batchSize  changes applied to Elasticsearch in one bulk request at most
     * @param maxBackoff longest wait between reconnection attempts
     */
    public record Feeds(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
            @DefaultValue("250ms") Duration minBackoff, @DefaultValue("15s") Duration maxBackoff,
            @DefaultValue("1s") Duration leadershipRetry) {
    }

    /**
     * @param enabled whether hot reads go through Redis at all
     * @param ttl     how long an entry may live even without a change (a safety net; changes invalidate at once)
     * @param pause   how long Redis is left alone after it failed, so requests do not wait for it
     * @param publicMaxAge how long browsers and the gateway may keep a public answer (Cache-Control max-age)
     */
    public record Cache(@DefaultValue("true") boolean enabled, @DefaultValue("gp:publicity:") String keyPrefix,
            @DefaultValue("60s") Duration ttl, @DefaultValue("5s") Duration pause,
            @DefaultValue("1s") Duration publicMaxAge) {
    }

    /** @param cursorSecret signs deep-paging cursors; the same on every instance */
    public record Search(String cursorSecret) {
    }

    /** @param pageSize documents fetched per search_after page while streaming an export */
    public record Export(@DefaultValue("1000") int pageSize) {
    }
}
