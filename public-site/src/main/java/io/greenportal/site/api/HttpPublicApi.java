package io.greenportal.site.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.greenportal.site.SiteProperties;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API over HTTP: publicity's {@code /api/v1/public/**} and certification's objection
 * intake, called directly (not through the gateway, which would count every visitor's page against
 * the site's own address). No token is ever sent: the site sees what anyone may see.
 */
@Component
public class HttpPublicApi implements PublicApi {

    private static final String PUBLIC = "/api/v1/public";

    private final RestClient publicity;
    private final RestClient certification;
    private final JsonMapper json;
    private final Recent recent;

    /** {@code clients}: Boot's builder, so every call carries the trace context and the request id (baggage). */
    public HttpPublicApi(SiteProperties properties, JsonMapper json, java.time.Clock clock, RestClient.Builder clients) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        this.publicity = clients.clone().requestFactory(requests).baseUrl(properties.publicityUrl().toString()).build();
        this.certification = clients.clone().requestFactory(requests).baseUrl(properties.certificationUrl().toString())
                .build();
        this.json = json;
        this.recent = new Recent(properties.sharedAnswers(), clock, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    }

    @Override
    public SearchResult search(SearchQuery query) {
        if (query.equals(SearchQuery.newest(query.size()))) {
            return recent.get("newest:" + query.size(), () -> find(query));
        }
        return find(query);
    }

    private SearchResult find(SearchQuery query) {
        return get(publicity, uri -> {
            UriBuilder b = uri.path(PUBLIC + "/listings");
            Map<String, String> values = new LinkedHashMap<>();
            param(b, values, "q", query.q());
            param(b, values, "type", query.type());
            param(b, values, "level", query.level());
            param(b, values, "status", query.status());
            param(b, values, "region", query.region());
            param(b, values, "industry", query.industry());
            param(b, values, "year", query.year());
            param(b, values, "sort", query.sort());
            param(b, values, "size", Integer.toString(query.size()));
            if (query.cursor() != null && !query.cursor().isBlank()) {
                param(b, values, "cursor", query.cursor());
            } else {
                param(b, values, "page", Integer.toString(query.page()));
            }
            // values as URI variables: encoded whole (a "+" or "&" in q stays text)
            return b.build(values);
        }, SearchResult.class).orElseThrow();
    }

    @Override
    public Optional<Listing> listing(String id) {
        return get(publicity, uri -> uri.path(PUBLIC + "/listings/{id}").build(id), Listing.class);
    }

    @Override
    public Statistics statistics() {
        return recent.get("statistics", () -> get(publicity, uri -> uri.path(PUBLIC + "/statistics").build(),
                Statistics.class).orElseThrow());
    }

    @Override
    public Targets targets() {
        return recent.get("targets", () -> get(publicity, uri -> uri.path(PUBLIC + "/targets").build(),
                Targets.class).orElseThrow());
    }

    @Override
    public Notices notices(int page, int size) {
        return recent.get("notices:" + page + ":" + size, () -> get(publicity, uri -> uri.path(PUBLIC + "/notices")
                .queryParam("page", page).queryParam("size", size).build(), Notices.class).orElseThrow());
    }

    @Override
    public Optional<Notice> notice(String id) {
        return get(publicity, uri -> uri.path(PUBLIC + "/notices/{id}").build(id), Notice.class);
    }

    @Override
    public DataDictionary dictionary() {
        return recent.get("dictionary", () -> get(publicity, uri -> uri.path(PUBLIC + "/export/dictionary").build(),
                DataDictionary.class).orElseThrow());
    }

    @Override
    public ObjectionReceipt fileObjection(String applicationId, ObjectionRequest objection, VisitorAddress visitor) {
        try {
            return certification.post()
                    .uri("/api/v1/certification/applications/{id}/objections", applicationId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        // the certification service limits objections per client: the visitor, not the site
                        if (visitor.address() != null) {
                            h.set(VisitorAddress.ADDRESS_HEADER, visitor.address());
                        }
                        if (visitor.seal() != null) {
                            h.set(VisitorAddress.SEAL_HEADER, visitor.seal());
                        }
                    })
                    .body(objection)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return response.bodyTo(ObjectionReceipt.class);
                        }
                        throw failure(response.getStatusCode(), response.getHeaders().getFirst("Retry-After"),
                                response.getBody().readAllBytes());
                    });
        } catch (ApiRefusal | ApiUnavailable e) {
            throw e;
        } catch (RestClientException e) {
            throw new ApiUnavailable("certification service: " + e.getMessage(), e);
        }
    }

    /** A GET answered 200 (the body), 404 (empty), another 4xx ({@link ApiRefusal}) or else ({@link ApiUnavailable}). */
    private <T> Optional<T> get(RestClient client, Function<UriBuilder, URI> uri, Class<T> type) {
        try {
            return client.get().uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.is2xxSuccessful()) {
                            return Optional.ofNullable(response.bodyTo(type));
                        }
                        if (status.value() == 404) {
                            return Optional.<T>empty();
                        }
                        throw failure(status, response.getHeaders().getFirst("Retry-After"),
                                response.getBody().readAllBytes());
                    });
        } catch (ApiRefusal | ApiUnavailable e) {
            throw e;
        } catch (RestClientException e) {
            throw new ApiUnavailable("publicity service: " + e.getMessage(), e);
        }
    }

    private RuntimeException failure(HttpStatusCode status, String retryAfter, byte[] body) throws IOException {
        if (!status.is4xxClientError()) {
            return new ApiUnavailable("answered " + status.value(), null);
        }
        String problem = "";
        String detail = "";
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode node = json.readTree(body);
            problem = slug(node.path("type").asString(""));
            detail = node.path("detail").asString("");
            for (JsonNode error : node.path("errors")) {
                fields.putIfAbsent(error.path("field").asString(""), error.path("message").asString(""));
            }
            if (node.hasNonNull("field")) {
                fields.putIfAbsent(node.get("field").asString(), detail);
            }
        } catch (RuntimeException notJson) {
            // a refusal without a problem body (a proxy's): the status alone decides
        }
        fields.remove("");
        return new ApiRefusal(status.value(), problem, detail, fields, seconds(retryAfter));
    }

    private static String slug(String type) {
        int slash = type.lastIndexOf('/');
        return slash < 0 ? type : type.substring(slash + 1);
    }

    private static long seconds(String retryAfter) {
        try {
            return retryAfter == null ? 0 : Math.max(0, Long.parseLong(retryAfter.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void param(UriBuilder builder, Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            builder.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }
}
