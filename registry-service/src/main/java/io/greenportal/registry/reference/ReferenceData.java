package io.greenportal.registry.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

/** Reads the small {@code code,name} tables shipped under {@code src/main/resources/reference}. */
final class ReferenceData {

    private ReferenceData() {
    }

    static Map<String, String> load(String resource) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int comma = line.indexOf(',');
                entries.put(line.substring(0, comma).trim(), line.substring(comma + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reference data " + resource + " is missing", e);
        }
        return Map.copyOf(entries);
    }
}
