package io.greenportal.publicity.search;

import java.util.concurrent.Callable;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import io.greenportal.platform.web.ApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Runs a read against Elasticsearch for a public request. Elasticsearch's own errors never reach
 * the client: a missing index reads as empty (the index is being created), anything else is a 503
 * problem ("try again shortly") and a log line for the operators.
 */
public final class ElasticCalls {

    private static final Logger log = LoggerFactory.getLogger(ElasticCalls.class);

    private ElasticCalls() {
    }

    public static <T> T read(Callable<T> call, T whenIndexMissing) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw e;
        } catch (ElasticsearchException e) {
            if (e.error() != null && "index_not_found_exception".equals(e.error().type())) {
                return whenIndexMissing;
            }
            log.warn("Elasticsearch refused a public read: {}", e.getMessage());
            throw unavailable();
        } catch (Exception e) {
            log.warn("Elasticsearch read failed: {}", e.toString());
            throw unavailable();
        }
    }

    public static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable", null,
                "Search is temporarily unavailable; please try again shortly");
    }
}
