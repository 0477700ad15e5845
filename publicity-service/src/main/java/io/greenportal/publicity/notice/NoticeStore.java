package io.greenportal.publicity.notice;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.greenportal.platform.web.Times;
import io.greenportal.publicity.Vocabulary;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notices and batches in PostgreSQL. A change never overwrites a newer one (by feed sequence). */
@Repository
public class NoticeStore {

    private static final String CURRENT = "outcome = 'PENDING' and (ends_at is null or ends_at > :now)";

    private final JdbcClient jdbc;

    public NoticeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Notice n, OffsetDateTime now) {
        jdbc.sql("""
                insert into publicity_notice (id, application_id, batch_id, batch_name, batch_year, type, enterprise_name,
                  uscc, region_code, industry_code, subject_name, starts_at, ends_at, outcome, listing_id, certificate_number, sequence, updated_at)
                values (:id, :application, :batchId, :batchName, :batchYear, :type, :enterprise, :uscc, :region, :industry,
                  :subject, :starts, :ends, :outcome, :listing, :certificate, :sequence, :now)
                on conflict (id) do update set application_id = excluded.application_id, batch_id = excluded.batch_id,
                  batch_name = excluded.batch_name, batch_year = excluded.batch_year, type = excluded.type,
                  enterprise_name = excluded.enterprise_name, uscc = excluded.uscc, region_code = excluded.region_code,
                  industry_code = excluded.industry_code, subject_name = excluded.subject_name,
                  starts_at = excluded.starts_at, ends_at = excluded.ends_at, outcome = excluded.outcome,
                  listing_id = excluded.listing_id, certificate_number = excluded.certificate_number,
                  sequence = excluded.sequence, updated_at = excluded.updated_at
                where publicity_notice.sequence < excluded.sequence""")
                .param("id", n.id()).param("application", n.applicationId()).param("batchId", n.batchId())
                .param("batchName", n.batchName()).param("batchYear", n.batchYear())
                .param("type", n.type() == null ? "" : n.type()).param("enterprise", n.enterpriseName())
                .param("uscc", n.uscc()).param("region", n.regionCode()).param("industry", n.industryCode())
                .param("subject", n.subjectName()).param("starts", n.startsAt()).param("ends", n.endsAt())
                .param("outcome", n.outcome()).param("listing", n.listingId())
                .param("certificate", n.certificateNumber()).param("sequence", n.sequence())
                .param("now", now).update();
    }

    public void save(Batch b) {
        jdbc.sql("""
                insert into application_batch (id, name, year, types, opens_at, deadline, publicity_days, sequence)
                values (:id, :name, :year, :types, :opens, :deadline, :days, :sequence)
                on conflict (id) do update set name = excluded.name, year = excluded.year, types = excluded.types,
                  opens_at = excluded.opens_at, deadline = excluded.deadline, publicity_days = excluded.publicity_days,
                  sequence = excluded.sequence
                where application_batch.sequence < excluded.sequence""")
                .param("id", b.id()).param("name", b.name()).param("year", b.year())
                .param("types", b.types().toArray(String[]::new)).param("opens", b.opensAt())
                .param("deadline", b.deadline()).param("days", b.publicityDays()).param("sequence", b.sequence())
                .update();
    }

    /** Notices under publicity now, the soonest to end first. */
    public List<Notice> current(OffsetDateTime now) {
        return jdbc.sql("select * from publicity_notice where " + CURRENT + " order by ends_at nulls last, id")
                .param("now", now).query(this::notice).list();
    }

    public List<Notice> past(OffsetDateTime now, int offset, int limit) {
        return jdbc.sql("select * from publicity_notice where not (" + CURRENT
                        + ") order by ends_at desc nulls last, id limit :limit offset :offset")
                .param("now", now).param("limit", limit).param("offset", offset).query(this::notice).list();
    }

    public long countPast(OffsetDateTime now) {
        return jdbc.sql("select count(*) from publicity_notice where not (" + CURRENT + ")").param("now", now)
                .query(Long.class).single();
    }

    public Optional<Notice> find(String id) {
        return jdbc.sql("select * from publicity_notice where id = :id").param("id", id).query(this::notice).optional();
    }

    /** Batches whose deadline has not passed, the soonest deadline first. */
    public List<Batch> openBatches(OffsetDateTime now) {
        return jdbc.sql("select * from application_batch where deadline is null or deadline > :now order by deadline nulls last, id")
                .param("now", now).query(this::batch).list();
    }

    private Notice notice(ResultSet rs, int n) throws SQLException {
        String type = rs.getString("type");
        type = type == null || type.isEmpty() ? null : type;
        return new Notice(rs.getString("id"), rs.getString("application_id"), rs.getString("batch_id"),
                rs.getString("batch_name"), (Integer) rs.getObject("batch_year"), type, Vocabulary.type(type),
                rs.getString("enterprise_name"), rs.getString("uscc"), rs.getString("region_code"),
                rs.getString("industry_code"), rs.getString("subject_name"),
                Times.local(rs.getObject("starts_at", OffsetDateTime.class)),
                Times.local(rs.getObject("ends_at", OffsetDateTime.class)), rs.getString("outcome"),
                rs.getString("listing_id"), rs.getString("certificate_number"), rs.getLong("sequence"));
    }

    private Batch batch(ResultSet rs, int n) throws SQLException {
        Array types = rs.getArray("types");
        return new Batch(rs.getString("id"), rs.getString("name"), rs.getInt("year"),
                types == null ? List.of() : Arrays.asList((String[]) types.getArray()),
                Times.local(rs.getObject("opens_at", OffsetDateTime.class)),
                Times.local(rs.getObject("deadline", OffsetDateTime.class)), (Integer) rs.getObject("publicity_days"),
                rs.getLong("sequence"));
    }
}
