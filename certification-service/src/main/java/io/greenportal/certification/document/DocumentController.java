package io.greenportal.certification.document;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.UploadParts;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/** An application's documents: the applicant uploads PDFs while editing; applicant and reviewers download. */
@RestController
@RequestMapping("/api/v1/certification/applications/{applicationId}/documents")
public class DocumentController {

    static final String READERS = "hasAnyRole('enterprise','reviewer-municipal','reviewer-provincial','expert','evaluator')";

    private final DocumentService documents;

    public DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @Operation(summary = "Upload a PDF (multipart field 'file', optional 'kind': EVALUATION_REPORT, SELF_EVALUATION, OTHER); the applicant, while DRAFT or RETURNED")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('enterprise')")
    public ResponseEntity<Document> upload(@PathVariable UUID applicationId, @RequestPart("file") MultipartFile file,
            MultipartRequest parts, @RequestParam(required = false) String kind, Authentication authentication)
            throws IOException {
        UploadParts.requireOne(parts, "file");
        Document document = documents.upload(Caller.of(authentication), applicationId, kind,
                new DocumentService.Upload(file.getOriginalFilename(), file.getSize(), file.getInputStream()));
        return ResponseEntity.created(URI.create("/api/v1/certification/applications/" + applicationId + "/documents/"
                + document.id())).body(document);
    }

    @Operation(summary = "The application's documents (name, size, SHA-256, round); the applicant and the reviewers")
    @GetMapping
    @PreAuthorize(READERS)
    public Map<String, List<Document>> list(@PathVariable UUID applicationId, Authentication authentication) {
        return Map.of("items", documents.list(Caller.of(authentication), applicationId));
    }

    @Operation(summary = "Download one document (application/pdf); the applicant and the reviewers")
    @GetMapping("/{documentId}")
    @PreAuthorize(READERS)
    public ResponseEntity<byte[]> download(@PathVariable UUID applicationId, @PathVariable UUID documentId,
            Authentication authentication) {
        var download = documents.download(Caller.of(authentication), applicationId, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(download.document().sha256())))
                .body(download.content());
    }

    @Operation(summary = "Remove a document not yet submitted; the applicant, while DRAFT or RETURNED")
    @DeleteMapping("/{documentId}")
    @PreAuthorize("hasRole('enterprise')")
    public ResponseEntity<Void> delete(@PathVariable UUID applicationId, @PathVariable UUID documentId,
            Authentication authentication) {
        documents.delete(Caller.of(authentication), applicationId, documentId);
        return ResponseEntity.noContent().build();
    }
}
