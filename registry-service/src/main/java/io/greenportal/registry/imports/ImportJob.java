package io.greenportal.registry.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An import and its progress: rows done so far, imported and rejected (with line and reason), and
 * warnings about rows that were imported but not quite as written (with line and message).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJob(UUID id, String fileName, String format, Status status, int rowsTotal, int rowsDone,
        int rowsImported, int rowsRejected, String error, String createdBy, OffsetDateTime createdAt,
        OffsetDateTime finishedAt, List<Rejection> rejections, List<Warning> warnings) {

    public enum Status {
        RUNNING, COMPLETED, FAILED
    }

    public record Rejection(int line, String field, String reason) {
    }

    /** A row that was imported, with something in it the registry did not take as written. */
    public record Warning(int line, String field, String message) {
    }
}
