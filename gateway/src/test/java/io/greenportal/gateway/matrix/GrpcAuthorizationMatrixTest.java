package io.greenportal.gateway.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.greenportal.gateway.support.PortalClient;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;

/**
 * grpc-authorization-matrix.csv, driven against the running services' gRPC ports with real tokens.
 * Every service declared in contracts must be listed, method by method.
 */
class GrpcAuthorizationMatrixTest {

    static final List<ServiceDescriptor> CONTRACTS = List.of(
            io.greenportal.contracts.registry.v1.RegistryServiceGrpc.getServiceDescriptor(),
            io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc.getServiceDescriptor(),
            io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc.getServiceDescriptor(),
            io.greenportal.contracts.certification.v1.NoticeFeedServiceGrpc.getServiceDescriptor());

    /** Which running service serves each proto package. */
    static final Map<String, Integer> PORTS = Map.of(
            "greenportal.registry.v1", Integer.parseInt(System.getenv().getOrDefault("GP_REGISTRY_GRPC_PORT", "9091")),
            "greenportal.certification.v1", Integer.parseInt(System.getenv().getOrDefault("GP_CERTIFICATION_GRPC_PORT", "9092")));

    static final Map<String, ManagedChannel> channels = new java.util.concurrent.ConcurrentHashMap<>();

    record Row(String method, List<String> callers, List<String> expected) {
        @Override
        public String toString() {
            return method;
        }
    }

    static List<Row> rows() {
        try {
            List<String> lines = new ClassPathResource("grpc-authorization-matrix.csv").getContentAsString(StandardCharsets.UTF_8)
                    .lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            List<String> header = List.of(lines.getFirst().split(",")).subList(1, lines.getFirst().split(",").length);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = List.of(line.split(","));
                rows.add(new Row(cells.getFirst(), header, cells.subList(1, cells.size())));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Row> table() {
        return rows().stream();
    }

    static MethodDescriptor<?, ?> descriptor(String fullName) {
        return CONTRACTS.stream().flatMap(s -> s.getMethods().stream())
                .filter(m -> m.getFullMethodName().equals(fullName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such method in contracts: " + fullName));
    }

    static String token(String caller) {
        return switch (caller) {
            case "anonymous" -> null;
            case "service" -> io.greenportal.platform.test.Tokens.client("certification-service");
            default -> PortalClient.token(caller);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static String outcome(MethodDescriptor method, String caller) {
        ManagedChannel channel = channels.computeIfAbsent(method.getServiceName().substring(0, method.getServiceName().lastIndexOf('.')),
                pkg -> ManagedChannelBuilder.forAddress("127.0.0.1", PORTS.get(pkg)).usePlaintext().build());
        Object request = ((MethodDescriptor.PrototypeMarshaller) method.getRequestMarshaller()).getMessagePrototype();
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(2, TimeUnit.SECONDS);
        String token = token(caller);
        io.grpc.Channel call = channel;
        if (token != null) {
            var headers = new io.grpc.Metadata();
            headers.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
            call = io.grpc.ClientInterceptors.intercept(channel, io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers));
        }
        try {
            if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
                var messages = ClientCalls.blockingServerStreamingCall(call, method, options, request);
                messages.hasNext(); // the first message, or the end, or an error
            } else {
                ClientCalls.blockingUnaryCall(call, method, options, request);
            }
            return "allowed";
        } catch (StatusRuntimeException e) {
            return switch (e.getStatus().getCode()) {
                case UNAUTHENTICATED -> "401";
                case PERMISSION_DENIED -> "403";
                case UNAVAILABLE, UNKNOWN, INTERNAL -> "error " + e.getStatus();
                default -> "allowed";
            };
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void everyCallerGetsWhatTheTableSays(Row row) {
        MethodDescriptor<?, ?> method = descriptor(row.method());
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < row.callers().size(); i++) {
            String got = outcome(method, row.callers().get(i));
            if (!got.equals(row.expected().get(i))) {
                differences.add(row.callers().get(i) + ": expected " + row.expected().get(i) + ", got " + got);
            }
        }
        assertThat(differences).as(row.method()).isEmpty();
    }

    @Test
    void theTableListsEveryMethodOfTheContracts() {
        Set<String> declared = new TreeSet<>();
        CONTRACTS.forEach(s -> s.getMethods().forEach(m -> declared.add(m.getFullMethodName())));
        Set<String> listed = new TreeSet<>();
        rows().forEach(r -> listed.add(r.method()));
        assertThat(listed).isEqualTo(declared);
        assertThat(Set.copyOf(rows().stream().map(r -> r.method().substring(0, r.method().indexOf('/'))).toList()))
                .as("every proto service has a row").hasSize(CONTRACTS.size());
    }

    @AfterAll
    static void close() {
        channels.values().forEach(ManagedChannel::shutdownNow);
    }
}
