package io.greenportal.platform.test.hostile;

import java.net.URI;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;

/**
 * A service's hostile-input tests. REST: every operation of the service's OpenAPI document, called
 * straight (no gateway) with hostile input in every string, number and boolean of its body, every
 * query parameter and path variable ({@link HostileInput}): no 5xx, every error a problem with a type,
 * no Java internals, a body defect a 400 naming the field, and nothing written by a refused request.
 * gRPC: every method it serves ({@link GrpcHostileInput}): never UNKNOWN or INTERNAL, no Java
 * internals in a status, a defect INVALID_ARGUMENT naming the field, callers without the role
 * refused, nothing written by a refused call.
 * <p>
 * This class holds what those tests take from the running test context (its ports, its database,
 * the gRPC services it serves) and the usual runs over them. A service's test extends it and says
 * only what is its own: the tables that move by themselves, operations left out, sample requests,
 * and how many operations it must at least have called.
 */
public abstract class HostileInputSuite {

    @Value("${local.server.port}")
    protected int port;

    @Value("${local.grpc.port:0}")
    protected int grpcPort;

    @Autowired
    protected DataSource dataSource;

    @Autowired(required = false)
    protected GrpcServiceDiscoverer grpcServices;

    /**
     * Every REST operation of the service's OpenAPI document with the demo callers.
     *
     * @param movingTables tables the service changes by itself (feed positions): left out of "wrote nothing"
     * @param skip         "METHOD /path/template" of operations left out (the reason in the test)
     */
    protected HostileInput.Result everyOperation(Set<String> movingTables, Predicate<String> skip) {
        return new HostileInput(URI.create("http://127.0.0.1:" + port), HostileInput.demoCallers(),
                new DatabaseFingerprint(dataSource, movingTables), skip, name -> null).run();
    }

    /** Every gRPC method the service serves, on its gRPC port ({@link GrpcHostileInput#runOnPort}). */
    protected GrpcHostileInput.Result everyMethod(String serviceClient, Function<Descriptor, Message> samples) {
        return GrpcHostileInput.runOnPort(grpcPort, grpcServices, new DatabaseFingerprint(dataSource, Set.of()),
                serviceClient, samples);
    }
}
