package io.greenportal.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OCI tarballs that {@code ./portal images} builds: non-root numeric user, java entrypoint
 * with the container-aware heap flag, the two ports, and a base layer with the JRE and the passwd
 * entry. Not part of the default test run (k8s/pom.xml excludes it: the images are built only by
 * {@code ./portal images}, which then runs this test with -Dtest=ImageTarballTest); when it runs,
 * a missing tarball fails it.
 */
class ImageTarballTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "registry-service", "certification-service", "incentive-service", "publicity-service",
            "public-site"})
    void imageIsSmallNonRootAndContainerAware(String module) throws IOException {
        Path tar = Repo.ROOT.resolve(module).resolve("target/jib-image.tar");
        assertThat(tar).as("%s was not built: ./portal images builds the images, then runs this test", tar).exists();
        Map<String, byte[]> small = new HashMap<>();
        readTar(Files.newInputStream(tar), (name, size) -> size < 1_000_000 || name.equals("index.json"), small);
        JsonNode index = JSON.readTree(small.get("index.json"));
        JsonNode manifest = JSON.readTree(small.get(blob(index.path("manifests").get(0))));
        JsonNode config = JSON.readTree(small.get(blob(manifest.path("config")))).path("config");

        assertThat(config.path("User").asText()).isEqualTo("65532:65532");
        assertThat(config.path("Entrypoint").get(0).asText()).isEqualTo("java");
        assertThat(config.path("Entrypoint").toString()).contains("-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=/tmp");
        assertThat(config.path("Env").toString()).contains("PATH=/opt/java/bin");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();

        // the base layer: an executable java, the loader, and the unprivileged user
        Map<String, byte[]> files = new HashMap<>();
        Map<String, Integer> modes = new HashMap<>();
        long total = 0;
        for (JsonNode layer : manifest.path("layers")) {
            total += layer.path("size").asLong();
        }
        try (InputStream all = Files.newInputStream(tar)) {
            Map<String, byte[]> layers = new HashMap<>();
            String last = blob(manifest.path("layers").get(manifest.path("layers").size() - 1));
            readTar(all, (name, size) -> name.equals(last), layers);
            readTarModes(new GZIPInputStream(new java.io.ByteArrayInputStream(layers.get(last))), files, modes);
        }
        assertThat(modes.get("opt/java/bin/java")).as("java is executable").isEqualTo(0755);
        assertThat(modes).containsKey("lib64/ld-linux-x86-64.so.2");
        assertThat(new String(files.get("etc/passwd"), StandardCharsets.UTF_8)).contains(":65532:65532:");
        System.out.printf("image %s: %.1f MB compressed (%d layers)%n", module, total / 1e6, manifest.path("layers").size());
        assertThat(total).as("compressed image size").isLessThan(200_000_000L);
    }

    private static String blob(JsonNode descriptor) {
        return "blobs/sha256/" + descriptor.path("digest").asText().substring("sha256:".length());
    }

    /** A minimal ustar reader: keeps the entries the filter accepts. */
    static void readTar(InputStream in, BiPredicate<String, Long> keep, Map<String, byte[]> out) throws IOException {
        try (in) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (keep.test(name, size)) {
                    out.put(name.replaceFirst("^\\./", ""), data);
                }
            }
        }
    }

    static void readTarModes(InputStream in, Map<String, byte[]> files, Map<String, Integer> modes) throws IOException {
        try (in) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(cString(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'x' || type == 'L') { // pax / GNU long-name records
                    String text = new String(data, StandardCharsets.UTF_8);
                    var m = java.util.regex.Pattern.compile("\\d+ path=([^\\n]+)\\n").matcher(text);
                    longName = type == 'L' ? text.trim() : m.find() ? m.group(1) : null;
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                name = name.replaceFirst("^\\./", "").replaceFirst("^/", "");
                modes.put(name, Integer.parseInt(cString(header, 100, 8).trim(), 8) & 07777);
                if (size < 100_000) {
                    files.put(name, data);
                }
            }
        }
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }

}
