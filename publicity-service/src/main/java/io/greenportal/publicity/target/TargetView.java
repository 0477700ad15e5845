package io.greenportal.publicity.target;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.greenportal.publicity.Vocabulary;

/**
 * A target as the public reads it, with its progress: the listings that count towards it now.
 * {@code progress}, {@code percent}, {@code remaining} and {@code reached} are absent while
 * Elasticsearch cannot be asked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetView(long id, String regionCode, String regionName, String type, String typeName, String level,
        String levelName, int year, int cumulativeTarget, String sourceDocument, String note, Long progress,
        BigDecimal percent, Long remaining, Boolean reached, OffsetDateTime updatedAt) {

    static TargetView of(Target t, Long progress) {
        BigDecimal percent = progress == null ? null
                : BigDecimal.valueOf(progress).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(t.cumulativeTarget()), 1, RoundingMode.HALF_UP);
        return new TargetView(t.id(), t.regionCode(), t.regionName(), t.type(), Vocabulary.type(t.type()), t.level(),
                Vocabulary.level(t.level()), t.year(), t.cumulativeTarget(), t.sourceDocument(), t.note(), progress,
                percent, progress == null ? null : Math.max(0, t.cumulativeTarget() - progress),
                progress == null ? null : progress >= t.cumulativeTarget(), t.updatedAt());
    }
}
