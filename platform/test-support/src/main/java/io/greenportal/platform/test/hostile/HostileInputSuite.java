package io.greenportal.platform.test.hostile;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    protected RequestMappingHandlerMapping handlers;

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

    /**
     * Each operation whose documented JSON body does not name the fields its handler reads: the
     * OpenAPI generator names a schema by its class's simple name, so two request records both
     * called {@code Request} were documented as one, and a bank following the document was refused
     * for unknown fields. Empty when the document is right (and at least one body was compared).
     */
    protected List<String> documentedBodiesUnlikeTheirHandlers() throws Exception {
        JsonNode doc;
        try (HttpClient http = HttpClient.newHttpClient()) {
            doc = JsonMapper.builder().build().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body());
        }
        List<String> unlike = new ArrayList<>();
        int[] compared = {0};
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                if (!parameter.hasParameterAnnotation(RequestBody.class) || !type.isRecord()) {
                    continue;
                }
                // a component the document hides on purpose (a catch-all for refusing unknown fields) is not read as a field
                Set<String> read = new TreeSet<>(Arrays.stream(type.getRecordComponents()).filter(HostileInputSuite::documentable)
                        .map(RecordComponent::getName).toList());
                for (String path : mapping.getPatternValues()) {
                    for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                        String ref = doc.path("paths").path(path).path(method.name().toLowerCase()).path("requestBody")
                                .path("content").path("application/json").path("schema").path("$ref").asString("");
                        if (ref.isEmpty()) {
                            continue;
                        }
                        compared[0]++;
                        Set<String> documented = new TreeSet<>(doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1))
                                .path("properties").propertyNames());
                        if (!documented.equals(read)) {
                            unlike.add(method + " " + path + ": documented as " + ref + " " + documented + ", "
                                    + type.getName() + " reads " + read);
                        }
                    }
                }
            }
        });
        if (compared[0] == 0) {
            unlike.add("no documented JSON body was compared: is /v3/api-docs still written with $ref schemas?");
        }
        return unlike;
    }

    private static boolean documentable(RecordComponent component) {
        // @Schema has no record-component target: the compiler puts it on the accessor
        var schema = component.getAccessor().getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema == null || !schema.hidden();
    }

    /** Every gRPC method the service serves, on its gRPC port ({@link GrpcHostileInput#runOnPort}). */
    protected GrpcHostileInput.Result everyMethod(String serviceClient, Function<Descriptor, Message> samples) {
        return GrpcHostileInput.runOnPort(grpcPort, grpcServices, new DatabaseFingerprint(dataSource, Set.of()),
                serviceClient, samples);
    }
}
