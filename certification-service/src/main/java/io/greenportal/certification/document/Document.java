package io.greenportal.certification.document;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An uploaded PDF's metadata; the bytes are stored with it and served only by the download endpoint. */
public record Document(UUID id, UUID applicationId, int round, DocumentKind kind, String fileName, long sizeBytes,
        String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
}
