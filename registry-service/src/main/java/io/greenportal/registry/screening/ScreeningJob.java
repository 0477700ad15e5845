package io.greenportal.registry.screening;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A screening job and its progress; {@code results} is where to download them once DONE. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningJob(UUID id, String fileName, String format, Status status, int rowsTotal, int rowsDone,
        int progressPercent, int matched, int candidates, int noMatch, OffsetDateTime createdAt,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, String error, String results) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }
}
