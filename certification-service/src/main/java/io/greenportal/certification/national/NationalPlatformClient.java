package io.greenportal.certification.national;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.RemoteCalls;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The national platform's API as docs/national-platform.openapi.yaml defines it: {@code PUT
 * /dossiers/{dossierId}} (idempotent by dossier id) and {@code GET /dossiers/{dossierId}/decisions}.
 * Every call has a time limit ({@code greenportal.national.connect-timeout}, {@code .read-timeout}) and
 * is made outside any transaction.
 */
@Component
public class NationalPlatformClient {

    /** What a delivery attempt came to; {@code retry} for a fault worth trying again (5xx, 429, time-out). */
    public record Outcome(String outcome, Integer httpStatus, String detail, boolean retry) {
    }

    public record DecisionList(List<DecisionEvent> items) {
    }

    private final RestClient http;

    public NationalPlatformClient(
            @Value("${greenportal.national.base-url:http://127.0.0.1:8099/national/api/v1}") String baseUrl,
            @Value("${greenportal.national.api-key}") String apiKey,
            @Value("${greenportal.national.connect-timeout:2s}") Duration connectTimeout,
            @Value("${greenportal.national.read-timeout:5s}") Duration readTimeout) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        factory.setReadTimeout(readTimeout);
        this.http = RestClient.builder().baseUrl(baseUrl).requestFactory(factory)
                .defaultHeader("X-Api-Key", apiKey).build();
    }

    /** Sends the dossier. Never throws for an HTTP answer; a time-out or refused connection is a retry. */
    public Outcome deliver(UUID dossierId, String payload) {
        RemoteCalls.requireNoTransaction("the national platform");
        try {
            return http.put().uri("/dossiers/{id}", dossierId).contentType(MediaType.APPLICATION_JSON).body(payload)
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        String body = new String(response.getBody().readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
                        if (status == 201) {
                            return new Outcome("DELIVERED", status, null, false);
                        }
                        if (status == 200) {
                            // the national platform had it already (an earlier attempt whose answer was lost, a replay)
                            return new Outcome("DUPLICATE", status, null, false);
                        }
                        if (status >= 500 || status == 429 || status == 408) {
                            return new Outcome("RETRY", status, body, true);
                        }
                        return new Outcome("REFUSED", status, body, false);
                    });
        } catch (org.springframework.web.client.ResourceAccessException e) {
            // in words for the administrators' delivery log, never the exception's Java text
            Throwable cause = e.getMostSpecificCause();
            String why = cause instanceof java.net.SocketTimeoutException || cause instanceof java.net.http.HttpTimeoutException
                    ? "the national platform did not answer in time"
                    : cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                            ? "the national platform could not be reached"
                            : "the connection to the national platform failed";
            return new Outcome("RETRY", null, why, true);
        }
    }

    /** The dossier's decisions after {@code afterVersion}; throws when the platform cannot be asked. */
    public List<DecisionEvent> decisions(UUID dossierId, int afterVersion) {
        RemoteCalls.requireNoTransaction("the national platform");
        DecisionList list = http.get().uri("/dossiers/{id}/decisions?afterVersion={v}", dossierId, afterVersion)
                .retrieve().body(DecisionList.class);
        return list == null || list.items() == null ? List.of() : list.items();
    }
}
