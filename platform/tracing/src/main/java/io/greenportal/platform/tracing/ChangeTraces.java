package io.greenportal.platform.tracing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries traces across the change feeds, whose streams outlive any request. A writer stores the
 * W3C {@code traceparent} of its span with the change-log row ({@link #current()}); a consumer
 * applies a batch of changes inside one consumer span ({@link #applying}):
 * <ul>
 * <li>when every change of the batch comes from one write (the live case: an approval, a
 * revocation) the span is a <em>child</em> of that write, so the write's trace id is on the
 * consumer's log lines and one trace shows the write and its effects;</li>
 * <li>when the batch holds changes of several writes (catching up, a replay, a bulk import) a span
 * cannot have several parents: it starts a trace of its own and <em>links</em> to each write
 * (OpenTelemetry's rule for batch processing).</li>
 * </ul>
 */
public final class ChangeTraces {

    static final String HEADER = "traceparent";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    /** A replay of a long log would otherwise attach thousands of links to one span. */
    static final int MAX_LINKS = 128;

    private final Tracer tracer;
    private final Propagator propagator;

    public ChangeTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span as a W3C traceparent, or null outside any trace. */
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** Runs {@code work} in a consumer span named {@code name} that joins the writes' traces (see above). */
    public <T> T applying(String name, Collection<String> traceparents, Callable<T> work) throws Exception {
        Set<String> writes = new LinkedHashSet<>();
        traceparents.stream().filter(Objects::nonNull).filter(t -> TRACEPARENT.matcher(t).matches()).forEach(writes::add);
        Span.Builder builder;
        if (writes.size() == 1) {
            builder = propagator.extract(Map.of(HEADER, writes.iterator().next()), Map::get);
        } else {
            builder = tracer.spanBuilder().setNoParent();
            writes.stream().limit(MAX_LINKS).map(this::context).forEach(c -> builder.addLink(new Link(c)));
        }
        Span span = builder.name(name).kind(Span.Kind.CONSUMER).tag("changes.writes", String.valueOf(writes.size()))
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.call();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private TraceContext context(String traceparent) {
        Matcher m = TRACEPARENT.matcher(traceparent);
        if (!m.matches()) {
            throw new IllegalArgumentException(traceparent);
        }
        return tracer.traceContextBuilder().traceId(m.group(1)).spanId(m.group(2))
                .sampled((Integer.parseInt(m.group(3), 16) & 1) == 1).build();
    }
}
