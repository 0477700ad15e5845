package io.greenportal.gateway.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.greenportal.gateway.support.PortalClient;
import io.greenportal.gateway.support.RunningPortal;
import io.greenportal.gateway.support.Uscc;

import org.junit.jupiter.api.Test;

/**
 * The speed targets of ENGINEERING.md, measured against the running portal and printed. Not part
 * of the test run (the class name does not end in Test): run it with {@code ./portal bench}.
 * It asserts nothing about speed; figures on a shared 2-core machine vary from run to run.
 */
class PortalBenchmark {

    static final String ES = System.getenv().getOrDefault("GP_ES_URL", "http://127.0.0.1:9200");
    static final String REGISTRY = "http://127.0.0.1:" + System.getenv().getOrDefault("GP_REGISTRY_PORT", "8081");
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    static final PortalClient portal = new PortalClient();
    static final List<String> report = Collections.synchronizedList(new ArrayList<>());

    record Figures(double perSecond, double p50, double p99, int errors) {
        @Override
        public String toString() {
            return "%.0f req/s, p50 %.1f ms, p99 %.1f ms%s".formatted(perSecond, p50, p99,
                    errors == 0 ? "" : ", " + errors + " errors");
        }
    }

    static HttpRequest get(String url, String token) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    /** Closed loop: {@code workers} callers back to back for {@code seconds}. */
    static Figures throughput(Supplier<HttpRequest> request, int workers, int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            var response = http.send(request.get(), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() >= 400) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - start);
                    }
                    return null;
                });
            }
        }
        return figures(latencies, seconds, errors.intValue());
    }

    /** Open loop: {@code rate} requests per second for {@code seconds}, whatever the answers take. */
    static Figures steadyRate(Supplier<HttpRequest> request, int rate, int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < rate * seconds; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                pool.submit(() -> {
                    long sent = System.nanoTime();
                    try {
                        if (http.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - sent);
                });
            }
        }
        return figures(latencies, seconds, errors.intValue());
    }

    static Figures figures(List<Long> nanos, int seconds, int errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Figures(sorted.size() / (double) seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), errors);
    }

    static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    static void line(String what, Object figures) {
        String text = "%-62s %s".formatted(what, figures);
        report.add(text);
        System.out.println("BENCH " + text);
    }

    @Test
    void measure() throws Exception {
        String token = PortalClient.token("bank-a");
        // warm up the measured paths: the gateway and public search run on the optimizing compiler,
        // which needs some seconds of traffic before its code is in place
        throughput(() -> get(RunningPortal.GATEWAY + "/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5", null), 4, 10);
        throughput(() -> get(RunningPortal.GATEWAY + "/api/v1/registry/listings?size=5", token), 4, 10);

        String esQuery = """
                {"query":{"bool":{"must":[{"match_phrase":{"enterpriseName":"水泥"}}],
                 "must_not":[{"term":{"status":"REVOKED"}}]}},"size":20}""";
        Supplier<HttpRequest> direct = () -> HttpRequest.newBuilder(URI.create(ES + "/greenportal-listings/_search"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(esQuery)).build();
        Supplier<HttpRequest> cached = () -> get(RunningPortal.GATEWAY + "/api/v1/public/listings?q="
                + URLEncoder.encode("水泥", StandardCharsets.UTF_8), null);
        var counter = new AtomicLong();
        Supplier<HttpRequest> uncached = () -> get(RunningPortal.GATEWAY + "/api/v1/public/listings?q="
                + URLEncoder.encode("水泥", StandardCharsets.UTF_8) + "&year=" + (2017 + counter.incrementAndGet() % 9)
                + "&page=" + (counter.get() % 3), null);
        line("search straight to Elasticsearch, 8 callers", throughput(direct, 8, 10));
        line("public search through the gateway, cached, 8 callers", throughput(cached, 8, 10));
        line("public search through the gateway, uncached, 8 callers", throughput(uncached, 8, 10));
        line("public search through the gateway at a steady 200 req/s", steadyRate(cached, 200, 10));

        Supplier<HttpRequest> viaGateway = () -> get(RunningPortal.GATEWAY + "/api/v1/registry/listings?size=5", token);
        Supplier<HttpRequest> straight = () -> get(REGISTRY + "/api/v1/registry/listings?size=5", token);
        Figures g = throughput(viaGateway, 8, 10);
        Figures s = throughput(straight, 8, 10);
        line("registry listings straight to the service, 8 callers", s);
        line("registry listings through the gateway, 8 callers", g);
        line("gateway: share of direct throughput / added p99", "%.0f %% / %.1f ms".formatted(100 * g.perSecond() / s.perSecond(),
                g.p99() - s.p99()));

        StringBuilder codes = new StringBuilder("{\"usccs\":[\"91640100MA76A00010\"");
        for (int i = 1; i < 1000; i++) {
            codes.append(",\"").append(Uscc.fresh("640100")).append('"');
        }
        String batch = codes.append("]}").toString();
        Supplier<HttpRequest> verify = () -> HttpRequest.newBuilder(URI.create(RunningPortal.GATEWAY
                + "/api/v1/incentives/verifications/batch")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch)).build();
        List<Long> verifications = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            var response = http.send(verify.get(), HttpResponse.BodyHandlers.discarding());
            verifications.add(System.nanoTime() - start);
            if (response.statusCode() == 429) {
                Thread.sleep(2000);
            }
        }
        line("bank batch verification of 1,000 codes (one round trip)", figures(verifications, 1, 0).toString()
                .replaceFirst("^\\d+ req/s, ", ""));

        line("bulk import into the registry", importRate(5000));
        line("a new listing visible in public search", visibleAfterRegistration());
        System.out.println("\nBENCH summary\n" + String.join("\n", report));
    }

    /** Imports n synthetic rows through the admin API and measures rows per second of the job. */
    static String importRate(int rows) throws Exception {
        StringBuilder csv = new StringBuilder("uscc,enterprise_name,region_code,industry_code,type,level,year\n");
        for (int i = 0; i < rows; i++) {
            csv.append(Uscc.fresh("640500")).append(",宁夏基准测试").append(i).append("有限公司,640502,C30,GREEN_FACTORY,MUNICIPAL,2024\n");
        }
        String boundary = "bench";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        var started = portal.send("admin", "POST", "/api/v1/registry/imports", "multipart/form-data; boundary=" + boundary, body);
        String id = portal.json(started.body()).get("id").asString();
        while (true) {
            var job = portal.getJson("admin", "/api/v1/registry/imports/" + id + "?maxRejections=0");
            if (!job.get("status").asString().equals("RUNNING")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                return "%d rows in %.1f s: %.0f rows/s (%s)".formatted(job.get("rowsImported").asInt(), seconds,
                        job.get("rowsImported").asInt() / seconds, job.get("status").asString());
            }
            Thread.sleep(50);
        }
    }

    static String visibleAfterRegistration() throws Exception {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "宁夏可见性基准" + System.nanoTime() % 1_000_000 + "有限公司";
            String body = """
                    {"type":"GREEN_SUPPLY_CHAIN","level":"MUNICIPAL","year":2025,
                     "enterprise":{"uscc":"%s","name":"%s","regionCode":"640502","industryCode":"C30"}}"""
                    .formatted(Uscc.fresh("640500"), name);
            long start = System.nanoTime();
            portal.send("admin", "POST", "/api/v1/registry/listings", body);
            String q = URLEncoder.encode(name, StandardCharsets.UTF_8);
            while (portal.getJson("anonymous", "/api/v1/public/listings?q=" + q).get("total").asLong() == 0) {
                Thread.sleep(20);
            }
            delays.add(System.nanoTime() - start);
        }
        Collections.sort(delays);
        return "median %.0f ms, slowest %.0f ms of 5".formatted(delays.get(2) / 1e6, delays.get(4) / 1e6);
    }
}
