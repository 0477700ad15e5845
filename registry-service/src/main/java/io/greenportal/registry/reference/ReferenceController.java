package io.greenportal.registry.reference;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The reference data the registry validates against: public, so forms can offer the same lists. */
@RestController
@RequestMapping("/api/v1/registry/reference")
public class ReferenceController {

    private final Regions regions;
    private final Industries industries;

    public ReferenceController(Regions regions, Industries industries) {
        this.regions = regions;
        this.industries = industries;
    }

    @Operation(summary = "GB/T 2260 region codes and names known to the registry")
    @GetMapping("/regions")
    public Map<String, String> regions() {
        return new java.util.TreeMap<>(regions.all());
    }

    @Operation(summary = "GB/T 4754-2017 industry divisions")
    @GetMapping("/industries")
    public Map<String, String> industries() {
        return new java.util.TreeMap<>(industries.all());
    }
}
