package io.greenportal.certification.engagement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class EngagementStore {

    static final String COLUMNS = "e.id, e.application_id, e.body_id, b.name as body_name, b.credit_code as body_code, "
            + "e.batch_id, e.status, e.requested_by, e.requested_at, e.confirmed_by, e.confirmed_at, "
            + "e.report_document_id, e.report_number, e.scores, e.total_score, e.reported_by, e.reported_at, "
            + "e.ended_reason, e.ended_at, e.flagged_at, e.flagged_reason";
    static final String FROM = " from engagement e join evaluation_body b on b.id = e.body_id";
    private static final TypeReference<LinkedHashMap<String, BigDecimal>> SCORES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public EngagementStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(UUID id, UUID applicationId, UUID bodyId, UUID batchId, String by, OffsetDateTime at) {
        jdbc.sql("""
                insert into engagement (id, application_id, body_id, batch_id, status, requested_by, requested_at)
                values (:id, :app, :body, :batch, 'REQUESTED', :by, :at)""")
                .param("id", id).param("app", applicationId).param("body", bodyId).param("batch", batchId)
                .param("by", by).param("at", at).update();
    }

    /** The application's engagement in force (REQUESTED or CONFIRMED), if any. */
    public Optional<Engagement> current(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where e.application_id = :app and e.status in ('REQUESTED', 'CONFIRMED')")
                .param("app", applicationId).query(this::map).optional();
    }

    public List<Engagement> ofApplication(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + FROM + " where e.application_id = :app order by e.requested_at, e.id")
                .param("app", applicationId).query(this::map).list();
    }

    public void end(UUID id, EngagementStatus status, String reason, OffsetDateTime at) {
        jdbc.sql("update engagement set status = :status, ended_reason = :reason, ended_at = :at where id = :id")
                .param("id", id).param("status", status.name()).param("reason", reason).param("at", at).update();
    }

    public void confirm(UUID id, String by, OffsetDateTime at) {
        jdbc.sql("update engagement set status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :at where id = :id")
                .param("id", id).param("by", by).param("at", at).update();
    }

    public long confirmedIn(UUID bodyId, UUID batchId) {
        return jdbc.sql("select count(*) from engagement where body_id = :body and batch_id = :batch and status = 'CONFIRMED'")
                .param("body", bodyId).param("batch", batchId).query(Long.class).single();
    }

    public void report(UUID id, UUID documentId, EngagementRules.Report report, String by, OffsetDateTime at) {
        jdbc.sql("""
                update engagement set report_document_id = :doc, report_number = :number, scores = cast(:scores as jsonb),
                    total_score = :total, reported_by = :by, reported_at = :at where id = :id""")
                .param("id", id).param("doc", documentId).param("number", report.reportNumber())
                .param("scores", json.writeValueAsString(report.scores())).param("total", report.totalScore())
                .param("by", by).param("at", at).update();
    }

    /** The application row's copy of who evaluates it and the report number, for reviewers, notices and listings. */
    public void showOnApplication(UUID applicationId, String bodyName, String reportNumber, OffsetDateTime at) {
        jdbc.sql("update application set evaluation_body = :body, evaluation_report = :report, updated_at = :at where id = :id")
                .param("id", applicationId).param("body", bodyName).param("report", reportNumber).param("at", at).update();
    }

    /** A body's engagements, newest first, with the application's state, type and enterprise. */
    public record Listed(Engagement engagement, String applicationState, String type, String enterpriseName,
            String enterpriseUscc) {
    }

    public List<Listed> ofBody(String creditCode, List<String> statuses, int page, int size) {
        return jdbc.sql("select " + COLUMNS + ", a.state as app_state, a.type as app_type, a.enterprise_name, a.uscc"
                        + FROM + " join application a on a.id = e.application_id where b.credit_code = :code"
                        + " and e.status in (:statuses) order by e.requested_at desc, e.id limit :limit offset :offset")
                .param("code", creditCode).param("statuses", statuses).param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Listed(map(rs, n), rs.getString("app_state"), rs.getString("app_type"),
                        rs.getString("enterprise_name"), rs.getString("uscc")))
                .list();
    }

    public long countOfBody(String creditCode, List<String> statuses) {
        return jdbc.sql("select count(*)" + FROM + " where b.credit_code = :code and e.status in (:statuses)")
                .param("code", creditCode).param("statuses", statuses).query(Long.class).single();
    }

    Engagement map(ResultSet rs, int n) throws SQLException {
        String scores = rs.getString("scores");
        Map<String, BigDecimal> parsed = scores == null ? null : json.readValue(scores, SCORES);
        return new Engagement(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("body_id", UUID.class), rs.getString("body_name"), rs.getString("body_code"),
                rs.getObject("batch_id", UUID.class), EngagementStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"), Times.local(rs.getObject("requested_at", OffsetDateTime.class)),
                rs.getString("confirmed_by"), Times.local(rs.getObject("confirmed_at", OffsetDateTime.class)),
                rs.getObject("report_document_id", UUID.class), rs.getString("report_number"), parsed,
                rs.getBigDecimal("total_score"), rs.getString("reported_by"),
                Times.local(rs.getObject("reported_at", OffsetDateTime.class)), rs.getString("ended_reason"),
                Times.local(rs.getObject("ended_at", OffsetDateTime.class)),
                Times.local(rs.getObject("flagged_at", OffsetDateTime.class)), rs.getString("flagged_reason"));
    }
}
