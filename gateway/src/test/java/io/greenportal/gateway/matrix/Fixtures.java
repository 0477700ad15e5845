package io.greenportal.gateway.matrix;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.greenportal.gateway.support.PortalClient;

import tools.jackson.databind.JsonNode;

/**
 * The ids the authorization matrix needs, looked up (or created) once through the running portal
 * as the users who own them. {@code {listing:ent-a}} is a listing of ent-a, and so on.
 */
final class Fixtures {

    static final Map<String, String> USCC = Map.of("ent-a", "91640100MA76A00010", "ent-b", "91640200MA76B00020");

    private final PortalClient portal;
    private final Map<String, String> resolved = new ConcurrentHashMap<>();
    private final Map<String, Function<String, String>> kinds = Map.of(
            "uscc", USCC::get,
            "listing", this::listingOf,
            "import", any -> latestImport());

    Fixtures(PortalClient portal) {
        this.portal = portal;
    }

    /** Replaces every {kind:owner} or {kind} in the path. */
    String resolve(String path) {
        var matcher = java.util.regex.Pattern.compile("\\{([a-z-]+)(?::([a-z0-9-]+))?}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(0);
            String value = resolved.computeIfAbsent(key, k -> {
                var kind = kinds.get(matcher.group(1));
                if (kind == null) {
                    throw new IllegalArgumentException("no fixture of kind " + matcher.group(1) + " (in " + path + ")");
                }
                return kind.apply(matcher.group(2));
            });
            matcher.appendReplacement(out, value);
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String listingOf(String owner) {
        JsonNode enterprise = portal.getJson("admin", "/api/v1/registry/enterprises/" + USCC.get(owner));
        return enterprise.get("listings").get(0).get("id").asString();
    }

    private String latestImport() {
        JsonNode imports = portal.getJson("admin", "/api/v1/registry/imports");
        return imports.get("items").get(0).get("id").asString();
    }
}
