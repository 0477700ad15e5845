package io.greenportal.platform.test.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;

import io.greenportal.platform.test.Grpc;
import io.greenportal.platform.test.Tokens;
import io.greenportal.platform.test.hostile.HostileInput.Expect;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;

import org.springframework.grpc.server.service.GrpcServiceDiscoverer;

/**
 * Hostile input against every method of a service's gRPC services, straight at its gRPC port,
 * driven by the methods' input message descriptors so that a new method or field is covered without
 * a line here: for every string field (nested and repeated ones included) NUL, other control
 * characters, non-characters, bidirectional overrides and over-long text; on the wire, since a
 * protobuf {@code string} cannot hold them, unpaired surrogates and other invalid UTF-8; for every
 * number negative, extreme and non-finite values; for every enum numbers no value has; empty,
 * truncated and garbage messages; no token, a forged token and every caller whose role may not call.
 *
 * <p>It fails on UNKNOWN, INTERNAL, DATA_LOSS or UNIMPLEMENTED (the gRPC 5xx), a unary call without an
 * answer in 30 s, a status description
 * with Java type names, exception names, stack frames or SQL, a text defect, negative number or
 * unknown enum number not refused as INVALID_ARGUMENT naming the field, a caller without the role
 * not refused UNAUTHENTICATED or PERMISSION_DENIED, and any change to the database by a refused call.
 * Each method is called by the first of the given callers whose role may call it; a server stream
 * still open after {@link #STREAM_WAIT_MS} ms counts as accepted and is cancelled.
 */
public final class GrpcHostileInput {

    static final long STREAM_WAIT_MS = 1_500;
    private static final List<Status.Code> DEFECTS = List.of(Status.Code.UNKNOWN, Status.Code.INTERNAL,
            Status.Code.DATA_LOSS, Status.Code.UNIMPLEMENTED, Status.Code.DEADLINE_EXCEEDED);

    private final Channel channel;
    private final Map<String, String> callers;
    private final DatabaseFingerprint database;
    private final Function<Descriptor, Message> samples;

    private final List<String> failures = new ArrayList<>();
    private final List<String> notCallable = new ArrayList<>();
    private int calls;
    private int methods;
    private Map<String, String> before;

    /**
     * @param channel  a plaintext channel to the service's gRPC port
     * @param callers  name → bearer token (null for anonymous), tried in this order
     * @param database the service's database, to prove refused calls wrote nothing
     * @param samples  input type → a well-formed request (fresh for each call: ids, idempotency keys);
     *                 null for one with every field set to a plain value
     */
    public GrpcHostileInput(Channel channel, Map<String, String> callers, DatabaseFingerprint database,
            Function<Descriptor, Message> samples) {
        this.channel = channel;
        this.callers = callers;
        this.database = database;
        this.samples = samples;
    }

    public record Result(int methods, int calls, List<String> failures, List<String> notCallable) {

        /** Prints the coverage and fails unless at least {@code minimumMethods} were driven and nothing failed. */
        public void assertCleanOver(int minimumMethods) {
            System.out.println("gRPC hostile input: " + methods + " methods, " + calls + " calls; no caller may call: "
                    + notCallable);
            failures.forEach(f -> System.out.println("  failure: " + f));
            org.assertj.core.api.Assertions.assertThat(methods).as("methods").isGreaterThanOrEqualTo(minimumMethods);
            org.assertj.core.api.Assertions.assertThat(calls).as("calls").isGreaterThan(methods * 10);
            var out = new StringBuilder(failures.size() + " failures in " + calls + " calls over " + methods + " methods:\n");
            failures.stream().limit(80).forEach(f -> out.append("  ").append(f).append('\n'));
            org.assertj.core.api.Assertions.assertThat(failures).as(out.toString()).isEmpty();
        }
    }

    /**
     * Every method the application serves, on its gRPC {@code port}, called by the callers every
     * service's test uses: no token, an enterprise (ent-a), a bank (bank-a), and {@code serviceClient},
     * a portal service the methods admit. The channel is closed afterwards.
     */
    public static Result runOnPort(int port, GrpcServiceDiscoverer discoverer, DatabaseFingerprint database,
            String serviceClient, Function<Descriptor, Message> samples) {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("ent-a", Tokens.user("ent-a"));
        callers.put("bank-a", Tokens.client("bank-a"));
        callers.put(serviceClient, Tokens.client(serviceClient));
        ManagedChannel channel = Grpc.channel(port);
        try {
            return new GrpcHostileInput(channel, callers, database, samples).run(served(discoverer));
        } finally {
            channel.shutdownNow();
        }
    }

    /**
     * The portal's own services (not grpc.health or grpc.reflection) that the application serves, as
     * protobuf descriptors.
     */
    public static List<ServiceDescriptor> served(GrpcServiceDiscoverer discoverer) {
        List<ServiceDescriptor> services = new ArrayList<>();
        discoverer.findServices().forEach(spec -> {
            Object schema = spec.service().bindService().getServiceDescriptor().getSchemaDescriptor();
            if (schema instanceof ProtoServiceDescriptorSupplier proto
                    && !proto.getServiceDescriptor().getFullName().startsWith("grpc.")) {
                services.add(proto.getServiceDescriptor());
            }
        });
        return services;
    }

    public Result run(List<ServiceDescriptor> services) {
        for (ServiceDescriptor service : services) {
            for (MethodDescriptor method : service.getMethods()) {
                if (method.isClientStreaming()) {
                    notCallable.add(method.getFullName() + " (client streaming: not driven)");
                    continue;
                }
                methods++;
                attack(method);
            }
        }
        return new Result(methods, calls, List.copyOf(failures), List.copyOf(notCallable));
    }

    // ---------------------------------------------------------------- one method

    record Outcome(Status.Code code, String description, boolean accepted) {

        String text() {
            return code + (description == null ? "" : " " + HostileInput.abbreviate(description));
        }
    }

    private Message sample(Descriptor type) {
        Message sample = samples.apply(type);
        return sample != null ? DynamicMessage.newBuilder(type).mergeFrom(sample).build() : Messages.sample(type, 0);
    }

    private void attack(MethodDescriptor method) {
        String name = method.getService().getFullName() + "/" + method.getName();
        Descriptor type = method.getInputType();

        String caller = null;
        Outcome probe = null;
        for (Map.Entry<String, String> c : callers.entrySet()) {
            Outcome outcome = call(method, c.getValue(), sample(type).toByteArray());
            check(name + " [well-formed] as " + c.getKey(), outcome, Expect.ANY, null, null);
            if (outcome.code() != Status.Code.UNAUTHENTICATED && outcome.code() != Status.Code.PERMISSION_DENIED) {
                caller = c.getKey();
                probe = outcome;
                break;
            }
        }
        if (caller == null) {
            notCallable.add(name);
            return;
        }
        String token = callers.get(caller);
        String probeRefusal = probe.code() == Status.Code.INVALID_ARGUMENT ? probe.description() : null;

        before = database.settled();
        for (Map.Entry<String, String> c : callers.entrySet()) {
            if (c.getKey().equals(caller)) {
                break;
            }
            attempt(method, name + " [hostile, as " + c.getKey() + " who may not call]", c.getValue(),
                    hostile(type), Expect.REFUSED, null, null);
        }
        if (token != null) {
            Outcome forged = attempt(method, name + " [forged token]", token + "x", sample(type).toByteArray(),
                    Expect.REFUSED, null, null);
            if (forged.code() != Status.Code.UNAUTHENTICATED) {
                failures.add(name + " [forged token]: expected UNAUTHENTICATED, got " + forged.text());
            }
        }
        String where = name + " as " + caller + " ";
        for (Messages.Leaf leaf : Messages.leaves(type, "", 0)) {
            for (Messages.Mutation m : Messages.mutations(leaf)) {
                byte[] request;
                if (m.wire() != null) {
                    String placeholder = Messages.placeholder(m.wire());
                    request = Messages.splice(Messages.set(sample(type), leaf.path(), placeholder).toByteArray(),
                            placeholder, m.wire());
                } else {
                    request = Messages.set(sample(type), leaf.path(), m.value()).toByteArray();
                }
                attempt(method, where + "[" + leaf.path() + " " + m.label() + "]", token, request, m.expect(), leaf.path(),
                        probeRefusal);
            }
            if (leaf.field().isRepeated()) {
                Message many = sample(type);
                Object element = leaf.path().contains(".") ? null : many.getRepeatedFieldCount(leaf.field()) > 0
                        ? many.getRepeatedField(leaf.field(), 0) : null;
                if (element != null) {
                    Message.Builder builder = many.toBuilder();
                    for (int i = 0; i < 10_000; i++) {
                        builder.addRepeatedField(leaf.field(), element);
                    }
                    attempt(method, where + "[" + leaf.field().getName() + " 10,001 elements]", token,
                            builder.build().toByteArray(), Expect.ANY, null, null);
                }
            }
        }
        byte[] whole = sample(type).toByteArray();
        attempt(method, where + "[empty request]", token, new byte[0], Expect.ANY, null, null);
        attempt(method, where + "[garbage bytes]", token, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F},
                Expect.REFUSED, null, null);
        if (whole.length > 1) {
            attempt(method, where + "[truncated request]", token, java.util.Arrays.copyOf(whole, whole.length - 1),
                    Expect.REFUSED, null, null);
        }
        byte[] unknown = java.util.Arrays.copyOf(whole, whole.length + 3);
        unknown[whole.length] = (byte) 0xB8; // field 999, varint
        unknown[whole.length + 1] = 0x3E;
        unknown[whole.length + 2] = 0x01;
        attempt(method, where + "[unknown field 999]", token, unknown, Expect.ANY, null, null);
        before = null;
    }

    /** The sample with its first string field holding NUL (or the sample itself when it has none). */
    private Message hostileMessage(Descriptor type) {
        for (Messages.Leaf leaf : Messages.leaves(type, "", 0)) {
            if (leaf.field().getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.STRING) {
                return Messages.set(sample(type), leaf.path(), "a\u0000b");
            }
        }
        return sample(type);
    }

    private byte[] hostile(Descriptor type) {
        return hostileMessage(type).toByteArray();
    }

    private Outcome attempt(MethodDescriptor method, String where, String token, byte[] request, Expect expect,
            String field, String probeRefusal) {
        Outcome outcome = call(method, token, request);
        check(where, outcome, expect, field, probeRefusal);
        if (outcome.accepted()) {
            before = database.settled();
        } else {
            Map<String, String> after = database.now();
            List<String> changed = DatabaseFingerprint.changed(before, after);
            if (!changed.isEmpty()) {
                failures.add(where + ": refused (" + outcome.text() + ") but changed the tables " + changed);
                before = database.settled();
            } else {
                before = after;
            }
        }
        return outcome;
    }

    private void check(String where, Outcome outcome, Expect expect, String field, String probeRefusal) {
        if (DEFECTS.contains(outcome.code())) {
            failures.add(where + ": " + outcome.text());
            return;
        }
        if (outcome.description() != null && HostileInput.INTERNALS.matcher(outcome.description()).find()) {
            failures.add(where + ": Java or database internals in the status: " + outcome.text());
        }
        switch (expect) {
            case BAD_FIELD -> {
                String description = outcome.description() == null ? "" : outcome.description();
                boolean named = description.contains(field) || description.contains(field.replace("[0]", ""));
                boolean refusedEarlier = probeRefusal != null && probeRefusal.equals(description);
                if (outcome.code() != Status.Code.INVALID_ARGUMENT || !(named || refusedEarlier)) {
                    failures.add(where + ": expected INVALID_ARGUMENT naming " + field + ", got " + outcome.text());
                }
            }
            case REFUSED -> {
                if (outcome.accepted()) {
                    failures.add(where + ": expected a refusal, got " + outcome.text());
                }
            }
            case ANY -> {
            }
        }
    }

    // ---------------------------------------------------------------- the wire

    private static final io.grpc.MethodDescriptor.Marshaller<byte[]> BYTES = new io.grpc.MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    /** One call with the request's bytes as they are: the server's own parser decides what they mean. */
    private Outcome call(MethodDescriptor method, String token, byte[] request) {
        calls++;
        var descriptor = io.grpc.MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(method.isServerStreaming() ? io.grpc.MethodDescriptor.MethodType.SERVER_STREAMING
                        : io.grpc.MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(io.grpc.MethodDescriptor.generateFullMethodName(method.getService().getFullName(),
                        method.getName()))
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        ClientCall<byte[], byte[]> call = channel.newCall(descriptor, CallOptions.DEFAULT
                .withDeadlineAfter(30, TimeUnit.SECONDS));
        CountDownLatch closed = new CountDownLatch(1);
        Status[] status = new Status[1];
        Metadata headers = new Metadata();
        if (token != null) {
            headers.put(Metadata.Key.of("Authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        }
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onClose(Status s, Metadata trailers) {
                status[0] = s;
                closed.countDown();
            }
        }, headers);
        call.request(Integer.MAX_VALUE);
        call.sendMessage(request);
        call.halfClose();
        try {
            if (method.isServerStreaming() && !closed.await(STREAM_WAIT_MS, TimeUnit.MILLISECONDS)) {
                call.cancel("hostile input: the stream was accepted", null);
                return new Outcome(Status.Code.OK, "stream open", true);
            }
            if (!closed.await(40, TimeUnit.SECONDS)) {
                call.cancel("no answer", null);
                return new Outcome(Status.Code.DEADLINE_EXCEEDED, "no answer in 40 s", false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Outcome(status[0].getCode(), status[0].getDescription(), status[0].isOk());
    }
}
