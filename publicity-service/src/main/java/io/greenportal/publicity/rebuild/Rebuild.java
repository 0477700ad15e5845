package io.greenportal.publicity.rebuild;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A full rebuild of the public index: the registry feed replayed from the start into a new index,
 * which then replaces the old one behind the alias. {@code replayUntil} is the live position when
 * the rebuild began; changes after it reach the new index through the live follower.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rebuild(UUID id, State state, OffsetDateTime requestedAt, String requestedBy,
        OffsetDateTime startedAt, OffsetDateTime finishedAt, String targetIndex, String previousIndex,
        Long replayUntil, long replayed, long lastSequence, Long documents, String error) {

    public enum State {
        REQUESTED, RUNNING, DONE, FAILED
    }

    /** How far the replay has come, 0-100. */
    @JsonProperty("percent")
    public int percent() {
        if (state == State.DONE) {
            return 100;
        }
        if (replayUntil == null || replayUntil == 0) {
            return 0;
        }
        return (int) Math.min(99, lastSequence * 100 / replayUntil);
    }
}
