package io.greenportal.platform.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The portal's tracing settings, as defaults every application may override in its own
 * configuration (they are looked up last):
 * <ul>
 * <li>trace and span id, then the request id, at the start of every log line;</li>
 * <li>W3C {@code traceparent} propagation; the request id as remote baggage ({@link RequestIds});</li>
 * <li>every request gets a trace id (so every log line can be joined), but only a share of traces
 * is recorded for export: {@code GP_TRACE_SAMPLING}, 0.1 unless set;</li>
 * <li>OTLP export only when {@code GP_OTLP_ENDPOINT} names a collector
 * (e.g. {@code http://otel-collector:4318/v1/traces}); without it nothing is sent anywhere;</li>
 * <li>no observation (span and timer) around every security filter nor around every Redis command:
 * the first cost a service about a tenth of a request's CPU and the gateway 8 %; the second cost the
 * gateway's event loops 2 % (its rate limiter calls Redis for every routed request) and the publicity
 * service 8-13 % of a cached public read (two commands each; docs/profile/README.md). Request metrics
 * ({@code http.server.requests}) and spans stay; Redis's health and the guards' metrics say when it is
 * slow.</li>
 * </ul>
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "greenportal-tracing-defaults";
    /** Empty brackets (work outside any request, a call without a request id) are left out of the line. */
    static final String CORRELATION = "%replace([%X{traceId:-},%X{spanId:-}] ){'^\\[,\\] $', ''}"
            + "%replace([%X{" + RequestIds.HEADER + ":-}] ){'^\\[\\] $', ''}";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("logging.pattern.correlation", CORRELATION);
        defaults.put("logging.include-application-name", "false");
        defaults.put("management.tracing.propagation.type", "w3c");
        defaults.put("management.tracing.sampling.probability", "${GP_TRACE_SAMPLING:0.1}");
        defaults.put("management.tracing.baggage.remote-fields", RequestIds.HEADER);
        defaults.put("management.tracing.baggage.correlation.fields", RequestIds.HEADER);
        defaults.put("spring.reactor.context-propagation", "auto");
        defaults.put("management.observations.enable.spring.security", "false");
        defaults.put("management.observations.enable.lettuce", "false");
        String otlp = environment.getProperty("GP_OTLP_ENDPOINT");
        if (otlp != null && !otlp.isBlank()) {
            defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", otlp.strip());
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
