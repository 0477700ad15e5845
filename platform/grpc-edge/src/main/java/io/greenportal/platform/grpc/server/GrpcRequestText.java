package io.greenportal.platform.grpc.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import io.greenportal.platform.web.TextRule;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * The portal's {@link TextRule} for every string of every gRPC request message, nested and repeated
 * ones included: a string that breaks it ends the call with INVALID_ARGUMENT naming the field
 * ({@code listing.enterprise.name}) before the service method runs. Fields named like free text
 * ({@value #FREE_TEXT_NAMES}) may hold line breaks; every other string is a single line. An enum
 * field holding a number its type has no value for (proto3 keeps it; a service would see
 * {@code UNRECOGNIZED}, which has no number and fails wherever it is used) is refused the same way.
 */
public class GrpcRequestText implements ServerInterceptor {

    static final String FREE_TEXT_NAMES = "comment, reason, remarks, description, content, purpose, status_reason";
    private static final Set<String> FREE_TEXT = Set.of(FREE_TEXT_NAMES.split(", "));

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        return new SimpleForwardingServerCallListener<>(listener) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (refused) {
                    return;
                }
                String problem = message instanceof Message m ? problem(m, "") : null;
                if (problem != null) {
                    refused = true;
                    call.close(Status.INVALID_ARGUMENT.withDescription(problem), new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }

    /** "field: why" for the first string that breaks the rule; null when all keep it. */
    static String problem(Message message, String prefix) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            String name = prefix + descriptor.getName();
            if (descriptor.isRepeated()) {
                List<?> values = (List<?>) field.getValue();
                for (int i = 0; i < values.size(); i++) {
                    String problem = check(descriptor, name + "[" + i + "]", values.get(i));
                    if (problem != null) {
                        return problem;
                    }
                }
            } else {
                String problem = check(descriptor, name, field.getValue());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String check(FieldDescriptor descriptor, String name, Object value) {
        if (value instanceof String text) {
            TextRule.Kind kind = FREE_TEXT.contains(descriptor.getName()) ? TextRule.Kind.FREE_TEXT : TextRule.Kind.LINE;
            String problem = TextRule.problem(text, kind);
            return problem == null ? null : name + ": " + problem;
        }
        if (value instanceof Message nested) {
            return problem(nested, name + ".");
        }
        if (value instanceof EnumValueDescriptor number && number.getType().findValueByNumber(number.getNumber()) == null) {
            return name + ": " + number.getNumber() + " is not one of " + number.getType().getValues().stream()
                    .map(EnumValueDescriptor::getName).collect(Collectors.joining(", "));
        }
        return null;
    }
}
