package io.greenportal.incentive.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.Waiting;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Portfolio screenings in the real registry (REST 127.0.0.1:8081, GP_REGISTRY_PORT), made the way a
 * bank makes them: its client uploads a portfolio and waits for the job to finish.
 */
public final class Screenings {

    private static final String BASE = "http://" + System.getenv().getOrDefault("GP_REGISTRY_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("GP_REGISTRY_PORT", "8081") + "/api/v1/registry/screenings";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Screenings() {
    }

    /** Screens a CSV portfolio as this bank client and returns the job's id once it is DONE. */
    public static String screen(String bankClient, String csv) {
        String boundary = "portfolio-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"portfolio.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        JsonNode job = send(HttpRequest.newBuilder(URI.create(BASE))
                .header("Authorization", "Bearer " + Tokens.client(bankClient))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), 202);
        String id = job.get("id").asString();
        Waiting.atMost(Duration.ofSeconds(30), "the screening is done").until(() -> send(HttpRequest
                .newBuilder(URI.create(BASE + "/" + id)).header("Authorization", "Bearer " + Tokens.client(bankClient))
                .GET(), 200).get("status").asString().equals("DONE"));
        return id;
    }

    private static JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            var response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expected) {
                throw new IllegalStateException("registry answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
