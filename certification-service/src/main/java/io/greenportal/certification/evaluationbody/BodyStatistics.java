package io.greenportal.certification.evaluationbody;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

import io.greenportal.platform.web.ApiException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Per-body figures for administrators: engagements (confirmed, reported, voided by a sanction), how the
 * applications it evaluated ended (approved, rejected: the pass rate over decided ones), and its average
 * total score against the experts' average for the same applications.
 */
@Component
public class BodyStatistics {

    public record Statistics(UUID bodyId, long engagements, long confirmed, long reported, long voided, long submitted,
            long approved, long rejected, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal passRate,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageScore,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageExpertScore,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal averageDifference) {
    }

    private final JdbcClient jdbc;

    public BodyStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Statistics of(UUID bodyId) {
        boolean exists = jdbc.sql("select exists (select 1 from evaluation_body where id = :id)").param("id", bodyId)
                .query(Boolean.class).single();
        if (!exists) {
            throw ApiException.notFound("Evaluation body " + bodyId);
        }
        return jdbc.sql("""
                select count(*),
                       count(*) filter (where e.confirmed_at is not null),
                       count(*) filter (where e.report_document_id is not null),
                       count(*) filter (where e.status = 'VOIDED'),
                       count(*) filter (where a.round > 0 and e.status = 'CONFIRMED'),
                       count(*) filter (where a.state = 'APPROVED' and e.status = 'CONFIRMED'),
                       count(*) filter (where a.state = 'REJECTED' and e.status = 'CONFIRMED'),
                       avg(e.total_score) filter (where e.status = 'CONFIRMED'),
                       avg(a.expert_mean) filter (where e.status = 'CONFIRMED' and e.total_score is not null),
                       avg(e.total_score - a.expert_mean) filter (where e.status = 'CONFIRMED' and a.expert_mean is not null)
                from engagement e join application a on a.id = e.application_id where e.body_id = :id""")
                .param("id", bodyId)
                .query((rs, n) -> {
                    long approved = rs.getLong(6);
                    long rejected = rs.getLong(7);
                    return new Statistics(bodyId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            approved, rejected, approved + rejected == 0 ? null
                                    : BigDecimal.valueOf(approved).divide(BigDecimal.valueOf(approved + rejected), 4,
                                            RoundingMode.HALF_UP),
                            round(rs.getBigDecimal(8)), round(rs.getBigDecimal(9)), round(rs.getBigDecimal(10)));
                }).single();
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }
}
