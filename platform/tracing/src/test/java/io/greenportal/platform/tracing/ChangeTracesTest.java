package io.greenportal.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The trace of a write reaches the consumer of its change: as parent (one write) or as links (several). */
@Tag("unit")
class ChangeTracesTest {

    final List<SpanData> finished = new CopyOnWriteArrayList<>();
    final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    finished.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            })).build();
    final io.opentelemetry.api.trace.Tracer otel = provider.get("test");
    final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
    final ChangeTraces traces = new ChangeTraces(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    /** A write in a span of its own, as the registry's change log records it. */
    String write(String name) {
        Span span = tracer.nextSpan().name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return traces.current();
        } finally {
            span.end();
        }
    }

    @Test
    void outsideAnyTraceThereIsNothingToStore() {
        assertThat(traces.current()).isNull();
    }

    @Test
    void aWriteIsStoredAsItsW3CTraceparent() {
        assertThat(write("approve")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void changesOfOneWriteAreAppliedAsAChildOfThatWrite() throws Exception {
        String approval = write("approve");
        String seen = traces.applying("apply registry changes", List.of(approval, approval),
                () -> tracer.currentSpan().context().traceId());

        assertThat(seen).isEqualTo(approval.substring(3, 35));
        SpanData consumer = finished.getLast();
        assertThat(consumer.getName()).isEqualTo("apply registry changes");
        assertThat(consumer.getParentSpanId()).isEqualTo(approval.substring(36, 52));
    }

    @Test
    void changesOfSeveralWritesStartATraceLinkedToEach() throws Exception {
        String one = write("import");
        String other = write("revoke");
        String seen = traces.applying("apply registry changes", List.of(one, other, ""),
                () -> tracer.currentSpan().context().traceId());

        assertThat(seen).isNotIn(one.substring(3, 35), other.substring(3, 35));
        SpanData consumer = finished.getLast();
        assertThat(consumer.getParentSpanContext().isValid()).isFalse();
        assertThat(consumer.getLinks()).extracting(LinkData::getSpanContext)
                .extracting(c -> c.getTraceId() + "-" + c.getSpanId())
                .containsExactly(one.substring(3, 52), other.substring(3, 52));
    }

    @Test
    void aFailingBatchEndsItsSpanMarkedAsAnError() {
        String write = write("suspend");
        assertThatThrownBy(() -> traces.applying("apply registry changes", List.of(write), () -> {
            throw new IllegalStateException("Elasticsearch is down");
        })).hasMessage("Elasticsearch is down");
        assertThat(finished.getLast().getStatus().getStatusCode().name()).isEqualTo("ERROR");
    }
}
