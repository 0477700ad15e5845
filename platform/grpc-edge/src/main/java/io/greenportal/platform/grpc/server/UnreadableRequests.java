package io.greenportal.platform.grpc.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.SecurityLevel;
import io.grpc.ServerCall;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;

import org.springframework.grpc.server.service.GrpcServiceConfigurer;

/**
 * A request whose bytes are not a message of its type (a string field that is not valid UTF-8, such
 * as an unpaired surrogate, or a broken encoding) ends the call with INVALID_ARGUMENT. grpc-java
 * parses a request before any interceptor sees it and answers a parse failure with UNKNOWN and no
 * description; here every method of a service takes the request's bytes as they are and parses them
 * itself, outside every interceptor, so the refusal comes before security and the access log (the
 * call is refused for its bytes alone and reaches no service code).
 */
public final class UnreadableRequests {

    static final String REFUSAL = "The request is not a valid message of its type: a string field that is not valid "
            + "UTF-8 (such as an unpaired surrogate) or a broken encoding";

    private UnreadableRequests() {
    }

    /** A service configurer whose services answer unreadable requests with INVALID_ARGUMENT. */
    public static GrpcServiceConfigurer refusing(GrpcServiceConfigurer configurer) {
        return (spec, factory) -> refusing(configurer.configure(spec, factory));
    }

    public static ServerServiceDefinition refusing(ServerServiceDefinition definition) {
        ServiceDescriptor original = definition.getServiceDescriptor();
        ServiceDescriptor.Builder service = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        List<ServerMethodDefinition<?, ?>> methods = new ArrayList<>();
        for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
            ServerMethodDefinition<?, ?> refusing = refusing(method);
            methods.add(refusing);
            service.addMethod(refusing.getMethodDescriptor());
        }
        ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(service.build());
        methods.forEach(builder::addMethod);
        return builder.build();
    }

    private static <Q, R> ServerMethodDefinition<byte[], R> refusing(ServerMethodDefinition<Q, R> method) {
        MethodDescriptor<Q, R> original = method.getMethodDescriptor();
        MethodDescriptor<byte[], R> raw = original.toBuilder(BYTES, original.getResponseMarshaller()).build();
        return ServerMethodDefinition.create(raw, (call, headers) -> {
            Parsed<Q, R> parsed = new Parsed<>(call, original);
            ServerCall.Listener<Q> listener = method.getServerCallHandler().startCall(parsed, headers);
            return new ServerCall.Listener<>() {
                private boolean refused;

                @Override
                public void onMessage(byte[] bytes) {
                    if (refused || parsed.closed) {
                        return;
                    }
                    Q message;
                    try {
                        message = original.parseRequest(new ByteArrayInputStream(bytes));
                    } catch (RuntimeException e) {
                        refused = true;
                        parsed.close(Status.INVALID_ARGUMENT.withDescription(REFUSAL), new Metadata());
                        return;
                    }
                    listener.onMessage(message);
                }

                @Override
                public void onHalfClose() {
                    if (!refused) {
                        listener.onHalfClose();
                    }
                }

                @Override
                public void onCancel() {
                    listener.onCancel();
                }

                @Override
                public void onComplete() {
                    listener.onComplete();
                }

                @Override
                public void onReady() {
                    listener.onReady();
                }
            };
        });
    }

    /** The call as the service and its interceptors see it: with parsed requests and its own descriptor. */
    private static final class Parsed<Q, R> extends ServerCall<Q, R> {

        private final ServerCall<byte[], R> call;
        private final MethodDescriptor<Q, R> method;
        volatile boolean closed;

        Parsed(ServerCall<byte[], R> call, MethodDescriptor<Q, R> method) {
            this.call = call;
            this.method = method;
        }

        @Override
        public void request(int numMessages) {
            call.request(numMessages);
        }

        @Override
        public void sendHeaders(Metadata headers) {
            call.sendHeaders(headers);
        }

        @Override
        public void sendMessage(R message) {
            call.sendMessage(message);
        }

        @Override
        public boolean isReady() {
            return call.isReady();
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closed = true;
            call.close(status, trailers);
        }

        @Override
        public boolean isCancelled() {
            return call.isCancelled();
        }

        @Override
        public void setMessageCompression(boolean enabled) {
            call.setMessageCompression(enabled);
        }

        @Override
        public void setCompression(String compressor) {
            call.setCompression(compressor);
        }

        @Override
        public void setOnReadyThreshold(int numBytes) {
            call.setOnReadyThreshold(numBytes);
        }

        @Override
        public SecurityLevel getSecurityLevel() {
            return call.getSecurityLevel();
        }

        @Override
        public Attributes getAttributes() {
            return call.getAttributes();
        }

        @Override
        public String getAuthority() {
            return call.getAuthority();
        }

        @Override
        public MethodDescriptor<Q, R> getMethodDescriptor() {
            return method;
        }
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw Status.INVALID_ARGUMENT.withDescription("The request could not be read").asRuntimeException();
            }
        }
    };
}
