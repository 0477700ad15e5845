package io.greenportal.registry.imports;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports of national and historical lists (administrators): a job with progress. */
@RestController
@RequestMapping("/api/v1/registry/imports")
@PreAuthorize("hasRole('admin')")
public class ImportController {

    private final ImportService imports;
    private final ImportJobStore jobs;

    public ImportController(ImportService imports, ImportJobStore jobs) {
        this.imports = imports;
        this.jobs = jobs;
    }

    @Operation(summary = "Start an import of a CSV or JSON list (multipart field 'file'); answers 202 with the job")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ImportJob> start(@RequestPart("file") MultipartFile file, Authentication authentication)
            throws IOException {
        if (file.isEmpty()) {
            throw ApiException.invalid("file", "is empty");
        }
        UUID id = imports.start(file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                Caller.of(authentication).username());
        return ResponseEntity.accepted().location(URI.create("/api/v1/registry/imports/" + id))
                .body(jobs.find(id, 0).orElseThrow());
    }

    @Operation(summary = "An import's progress: rows done, imported and rejected, with each rejection's line and reason")
    @GetMapping("/{id}")
    public ImportJob get(@PathVariable UUID id, @RequestParam(defaultValue = "1000") int maxRejections) {
        if (maxRejections < 0 || maxRejections > 10_000) {
            throw ApiException.invalid("maxRejections", "must be between 0 and 10000");
        }
        return jobs.find(id, maxRejections).orElseThrow(() -> ApiException.notFound("Import " + id));
    }

    @Operation(summary = "The most recent imports")
    @GetMapping
    public Map<String, List<ImportJob>> recent() {
        return Map.of("items", jobs.recent(50));
    }
}
