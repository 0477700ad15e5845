package io.greenportal.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.StringValue;

import io.greenportal.platform.grpc.server.UnreadableRequests;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A request whose string field is not valid UTF-8 (an unpaired surrogate as Java would encode it)
 * cannot be parsed: grpc-java answers UNKNOWN; a service under UnreadableRequests INVALID_ARGUMENT,
 * and a readable request still reaches it.
 */
@Tag("unit")
class UnreadableRequestsTest {

    static final MethodDescriptor<StringValue, StringValue> ECHO = MethodDescriptor.<StringValue, StringValue>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("test.Echo/Echo")
            .setRequestMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
            .setResponseMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance())).build();

    /** The same method as the client sends it: bytes, whatever they hold. */
    static final MethodDescriptor<byte[], StringValue> RAW = ECHO.toBuilder(new MethodDescriptor.Marshaller<byte[]>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            throw new UnsupportedOperationException();
        }
    }, ProtoUtils.marshaller(StringValue.getDefaultInstance())).build();

    /** StringValue{value: "a" U+D800 "b"} with the surrogate written as the three bytes ED A0 80. */
    static final byte[] UNPAIRED_SURROGATE = {0x0A, 0x05, 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'};

    static ServerServiceDefinition echo() {
        return ServerServiceDefinition.builder(ServiceDescriptor.newBuilder("test.Echo").addMethod(ECHO).build())
                .addMethod(ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(request);
                    response.onCompleted();
                })).build();
    }

    static Status.Code send(ServerServiceDefinition service, byte[] request) throws Exception {
        String name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            ClientCalls.blockingUnaryCall(channel, RAW, CallOptions.DEFAULT, request);
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                assertThat(e.getStatus().getDescription()).contains("not valid UTF-8");
            }
            return e.getStatus().getCode();
        } finally {
            channel.shutdownNow();
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void grpcJavaAloneAnswersAnUnreadableRequestWithUnknown() throws Exception {
        assertThat(send(echo(), UNPAIRED_SURROGATE)).isEqualTo(Status.Code.UNKNOWN);
    }

    @Test
    void anUnreadableRequestIsInvalidArgumentAndAReadableOneIsServed() throws Exception {
        ServerServiceDefinition refusing = UnreadableRequests.refusing(echo());
        assertThat(send(refusing, UNPAIRED_SURROGATE)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(send(refusing, new byte[] {(byte) 0xFF, (byte) 0xFF, 0x0F})).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(send(refusing, StringValue.of("宁夏 😀").toByteArray())).isEqualTo(Status.Code.OK);
    }
}
