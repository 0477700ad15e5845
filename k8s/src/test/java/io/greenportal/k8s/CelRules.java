package io.greenportal.k8s;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The CEL rules of a CRD schema ({@code x-kubernetes-validations}), evaluated with cel-java the way
 * the API server does on create: {@code self} is the value at the rule's place in the (defaulted)
 * object; a rule that is false, or that fails to evaluate (e.g. a missing key), refuses the object.
 * Rules this evaluator cannot run are recorded, never dropped silently:
 * <ul>
 * <li>transition rules (they use {@code oldSelf}): the API server runs them only on update, so a
 * create (what a fresh install is) never meets them;</li>
 * <li>rules using Kubernetes' own CEL libraries (quantity, url, ip, format, ...), which cel-java's
 * standard environment does not define: none of the vendored schemas uses one at the moment.</li>
 * </ul>
 * {@link #notEvaluated()} lists both kinds; CrdSchemaTest prints and checks that list.
 */
final class CelRules {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private static final Map<String, Object> COMPILED = new ConcurrentHashMap<>();
    private static final Set<String> NOT_EVALUATED = new java.util.concurrent.ConcurrentSkipListSet<>();

    private CelRules() {
    }

    /** Violations of the rules attached to {@code schema}, for {@code value} at {@code path}. */
    static List<String> check(JsonNode schema, JsonNode value, String crd, String path) {
        List<String> v = new ArrayList<>();
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            String expr = rule.path("rule").asText();
            String where = crd + " " + path;
            Object compiled = COMPILED.computeIfAbsent(expr, CelRules::compile);
            if (compiled instanceof String reason) {
                NOT_EVALUATED.add(where + ": " + expr + " (" + reason + ")");
                continue;
            }
            String message = rule.has("message") ? rule.get("message").asText() : "failed rule: " + expr;
            try {
                Object result = RUNTIME.createProgram((CelAbstractSyntaxTree) compiled).eval(Map.of("self", toCel(value)));
                if (!Boolean.TRUE.equals(result)) {
                    v.add(path + ": " + message + " (rule " + expr + ")");
                }
            } catch (CelEvaluationException e) {
                v.add(path + ": rule " + expr + " does not evaluate: " + e.getMessage());
            }
        }
        return v;
    }

    private static Object compile(String expr) {
        if (expr.matches(".*\\boldSelf\\b.*")) {
            return "transition rule: the API server evaluates it on update only, never on create";
        }
        try {
            return COMPILER.compile(expr).getAst();
        } catch (CelValidationException e) {
            return "not evaluable with cel-java's standard library: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    /** Every rule met so far that was not evaluated, with the reason. */
    static Set<String> notEvaluated() {
        return new TreeSet<>(NOT_EVALUATED);
    }

    /** JSON to CEL values: maps, lists, int64, double, string, bool (null members are left out). */
    static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            node.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    m.put(e.getKey(), toCel(e.getValue()));
                }
            });
            return m;
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>();
            node.forEach(n -> l.add(toCel(n)));
            return l;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
