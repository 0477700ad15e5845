package io.greenportal.registry.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An import and its progress: rows done so far, imported and rejected (with line and reason). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJob(UUID id, String fileName, String format, Status status, int rowsTotal, int rowsDone,
        int rowsImported, int rowsRejected, String error, String createdBy, OffsetDateTime createdAt,
        OffsetDateTime finishedAt, List<Rejection> rejections) {

    public enum Status {
        RUNNING, COMPLETED, FAILED
    }

    public record Rejection(int line, String field, String reason) {
    }
}
