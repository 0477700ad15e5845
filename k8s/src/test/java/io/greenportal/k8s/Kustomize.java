package io.greenportal.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Renders a kustomization with {@code kubectl kustomize} and splits the result into documents. */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    /**
     * The kubectl to render with: the one on the PATH, else the one {@code ./portal test} installs
     * in .portal/tools/bin (scripts/portal/kubectl.sh). Its kustomize must be v5 or newer. There is
     * no skipping: without it every manifest test fails with this message.
     */
    static synchronized String kubectl() {
        if (kubectl == null) {
            List<String> candidates = List.of("kubectl", Repo.ROOT.resolve(".portal/tools/bin/kubectl").toString());
            for (String candidate : candidates) {
                String version = run(List.of(candidate, "version", "--client"));
                var m = version == null ? null : java.util.regex.Pattern.compile("Kustomize Version: v(\\d+)").matcher(version);
                if (m != null && m.find() && Integer.parseInt(m.group(1)) >= 5) {
                    kubectl = candidate;
                    return kubectl;
                }
            }
            throw new IllegalStateException("kubectl with kustomize v5+ is needed to render the overlays and was not found "
                    + "(on the PATH or in .portal/tools/bin): ./portal test installs it (scripts/portal/kubectl.sh, ensure_kubectl)");
        }
        return kubectl;
    }

    private static String kubectl;

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static List<JsonNode> render(Path dir) {
        try {
            Process p = new ProcessBuilder(kubectl(), "kustomize", dir.toString()).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
            }
            return parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return docs;
    }
}
