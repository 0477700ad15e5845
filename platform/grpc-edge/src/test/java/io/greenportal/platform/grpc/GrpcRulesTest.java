package io.greenportal.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.greenportal.platform.grpc.client.UnaryDeadlines;
import io.greenportal.platform.grpc.server.GrpcErrors;
import io.greenportal.platform.web.ApiException;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Deadline;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;

/** Refusals map to their gRPC status (never UNKNOWN); unary calls get a deadline, streams do not. */
@Tag("unit")
class GrpcRulesTest {

    final GrpcErrors errors = new GrpcErrors();

    Status.Code code(Throwable e) {
        return errors.handleException(e).getStatus().getCode();
    }

    @Test
    void refusalsMapToTheirStatusCodes() {
        assertThat(code(ApiException.invalid("uscc", "is not a credit code"))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(errors.handleException(ApiException.invalid("uscc", "is not a credit code")).getStatus().getDescription())
                .isEqualTo("uscc: is not a credit code");
        assertThat(code(ApiException.notFound("Listing 1"))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(ApiException.forbidden("no"))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(ApiException.conflict("duplicate-certificate", "certificateNumber", "taken")))
                .isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(code(ApiException.conflict("illegal-state", "state", "not now"))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(ApiException.unavailable("dependency-unavailable", "later"))).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(code(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", null, "slow down")))
                .isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void severalWrongFieldsAreNamedInTheDescription() {
        var e = ApiException.invalid(List.of(new ApiException.Violation("year", "is required"),
                new ApiException.Violation("type", "is required")));
        assertThat(errors.handleException(e).getStatus().getDescription()).isEqualTo("year: is required; type: is required");
    }

    @Test
    void securityRefusalsAndTheUnexpectedAreNeverUnknown() {
        assertThat(code(new BadCredentialsException("bad token"))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(new AccessDeniedException("no role"))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(Status.NOT_FOUND.asRuntimeException())).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(new NullPointerException())).isEqualTo(Status.Code.INTERNAL);
    }

    @Test
    void unaryCallsGetTheDefaultDeadlineUnlessTheyHaveOneAndStreamsNone() {
        var seen = new AtomicReference<CallOptions>();
        Channel next = new Channel() {
            @Override
            public <Q, R> ClientCall<Q, R> newCall(MethodDescriptor<Q, R> method, CallOptions options) {
                seen.set(options);
                return null;
            }

            @Override
            public String authority() {
                return "test";
            }
        };
        var deadlines = new UnaryDeadlines(java.time.Duration.ofSeconds(10));

        deadlines.interceptCall(method(MethodDescriptor.MethodType.UNARY), CallOptions.DEFAULT, next);
        assertThat(seen.get().getDeadline().timeRemaining(TimeUnit.SECONDS)).isBetween(8L, 10L);

        Deadline own = Deadline.after(2, TimeUnit.SECONDS);
        deadlines.interceptCall(method(MethodDescriptor.MethodType.UNARY), CallOptions.DEFAULT.withDeadline(own), next);
        assertThat(seen.get().getDeadline()).isSameAs(own);

        deadlines.interceptCall(method(MethodDescriptor.MethodType.SERVER_STREAMING), CallOptions.DEFAULT, next);
        assertThat(seen.get().getDeadline()).isNull();
    }

    @Test
    void protobufTimestampsBecomeShanghaiTimesAndBack() {
        var time = OffsetDateTime.parse("2026-03-01T08:30:00.123+08:00");
        assertThat(ProtoTimes.local(ProtoTimes.timestamp(time))).isEqualTo(time);
        assertThat(ProtoTimes.local(ProtoTimes.timestamp(null))).isNull();
    }

    static MethodDescriptor<Object, Object> method(MethodDescriptor.MethodType type) {
        MethodDescriptor.Marshaller<Object> marshaller = new MethodDescriptor.Marshaller<>() {
            @Override
            public java.io.InputStream stream(Object value) {
                return null;
            }

            @Override
            public Object parse(java.io.InputStream stream) {
                return null;
            }
        };
        return MethodDescriptor.newBuilder(marshaller, marshaller).setType(type)
                .setFullMethodName("greenportal.test.v1.Test/Call").build();
    }
}
