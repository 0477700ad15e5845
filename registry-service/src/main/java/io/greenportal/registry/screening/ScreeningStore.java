package io.greenportal.registry.screening;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Screening jobs and results, and the registry as a screening reads it (names, former names, listings). */
@Repository
public class ScreeningStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    public ScreeningStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    public void create(UUID id, String bankId, String fileName, String format, int rows, String actor, OffsetDateTime at) {
        jdbc.sql("""
                insert into screening_job (id, bank_id, file_name, format, status, rows_total, created_by, created_at)
                values (:id, :bank, :file, :format, 'QUEUED', :rows, :actor, :at)""")
                .param("id", id).param("bank", bankId).param("file", fileName).param("format", format).param("rows", rows)
                .param("actor", actor).param("at", at).update();
    }

    public void started(UUID id, OffsetDateTime at) {
        jdbc.sql("update screening_job set status = 'RUNNING', started_at = :at where id = :id").param("id", id)
                .param("at", at).update();
    }

    public void progress(UUID id, int done, int matched, int candidates, int noMatch) {
        jdbc.sql("""
                update screening_job set rows_done = :done, matched = :matched, candidates = :candidates, no_match = :none
                where id = :id""").param("id", id).param("done", done).param("matched", matched)
                .param("candidates", candidates).param("none", noMatch).update();
    }

    public void finished(UUID id, ScreeningJob.Status status, String error, OffsetDateTime at) {
        jdbc.sql("update screening_job set status = :status, error = :error, finished_at = :at where id = :id")
                .param("id", id).param("status", status.name()).param("error", error).param("at", at).update();
    }

    /** Jobs a restart cut off: they do not resume. */
    public int failUnfinished(OffsetDateTime at) {
        return jdbc.sql("""
                update screening_job set status = 'FAILED', finished_at = :at,
                  error = 'cut off by a restart of the registry; upload the portfolio again'
                where status in ('QUEUED', 'RUNNING')""").param("at", at).update();
    }

    private static final String JOB = """
            select id, file_name, format, status, rows_total, rows_done, matched, candidates, no_match, created_at,
              started_at, finished_at, error from screening_job""";

    /** A job of this bank; another bank's is absent. */
    public Optional<ScreeningJob> find(UUID id, String bankId) {
        return jdbc.sql(JOB + " where id = :id and bank_id = :bank").param("id", id).param("bank", bankId)
                .query((rs, n) -> job(rs)).optional();
    }

    public List<ScreeningJob> recent(String bankId, int limit) {
        return jdbc.sql(JOB + " where bank_id = :bank order by created_at desc limit :limit").param("bank", bankId)
                .param("limit", limit).query((rs, n) -> job(rs)).list();
    }

    private static ScreeningJob job(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID id = rs.getObject(1, UUID.class);
        int total = rs.getInt(5);
        int done = rs.getInt(6);
        ScreeningJob.Status status = ScreeningJob.Status.valueOf(rs.getString(4));
        return new ScreeningJob(id, rs.getString(2), rs.getString(3), status, total, done,
                total == 0 ? 100 : (int) (100L * done / total), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                time(rs.getObject(10, OffsetDateTime.class)), time(rs.getObject(11, OffsetDateTime.class)),
                time(rs.getObject(12, OffsetDateTime.class)), rs.getString(13),
                status == ScreeningJob.Status.DONE ? "/api/v1/registry/screenings/" + id + "/results" : null);
    }

    private static OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : Times.local(t);
    }

    public void insertResults(UUID jobId, List<ScreeningResult> results) {
        SqlParameterSource[] rows = new SqlParameterSource[results.size()];
        for (int i = 0; i < rows.length; i++) {
            ScreeningResult r = results.get(i);
            rows[i] = new MapSqlParameterSource().addValue("job", jobId).addValue("line", r.line())
                    .addValue("reference", r.reference()).addValue("code", r.creditCode()).addValue("name", r.name())
                    .addValue("outcome", r.outcome().name()).addValue("by", r.matchedBy()).addValue("uscc", r.uscc())
                    .addValue("registered", r.registeredName()).addValue("score", r.score()).addValue("note", r.note())
                    .addValue("candidates", r.candidates() == null ? null : json.writeValueAsString(r.candidates()))
                    .addValue("listings", r.listings() == null ? null : json.writeValueAsString(r.listings()));
        }
        batch.batchUpdate("""
                insert into screening_result (job_id, line, reference, credit_code, name, outcome, matched_by, uscc,
                  registered_name, score, note, candidates, listings)
                values (:job, :line, :reference, :code, :name, :outcome, :by, :uscc, :registered, :score, :note,
                  cast(:candidates as jsonb), cast(:listings as jsonb))""", rows);
    }

    /** Results after {@code afterLine}, in line order (a download pages through them). */
    public List<ScreeningResult> results(UUID jobId, Outcome outcome, int afterLine, int limit) {
        return jdbc.sql("""
                select line, reference, credit_code, name, outcome, matched_by, uscc, registered_name, score, note,
                  candidates, listings from screening_result
                where job_id = :job and line > :after and (cast(:outcome as varchar) is null or outcome = :outcome)
                order by line limit :limit""")
                .param("job", jobId).param("after", afterLine).param("outcome", outcome == null ? null : outcome.name())
                .param("limit", limit)
                .query((rs, n) -> new ScreeningResult(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Outcome.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getBigDecimal(9), rs.getString(10),
                        rs.getString(11) == null ? null : json.readValue(rs.getString(11),
                                new TypeReference<List<ScreeningResult.Candidate>>() {
                                }),
                        rs.getString(12) == null ? null : json.readValue(rs.getString(12),
                                new TypeReference<List<ScreeningResult.ListingSummary>>() {
                                })))
                .list();
    }

    /**
     * The changes that took effect in [from, to) of the listings of the firms a screening matched:
     * new listings and status changes, oldest first.
     */
    public List<DigestEntry> digest(UUID jobId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select c.sequence, c.kind, c.effective_at, c.previous_status, c.snapshot ->> 'status',
                  c.snapshot ->> 'statusReason', c.listing_id, l.uscc, c.snapshot -> 'enterprise' ->> 'name',
                  l.type, l.level, l.certificate_number, l.certificate_number_assigned
                from change_log c join listing l on l.id = c.listing_id
                where l.uscc in (select distinct uscc from screening_result where job_id = :job and outcome = 'MATCHED')
                  and c.kind in ('LISTING_CREATED', 'STATUS_CHANGED') and c.effective_at >= :from and c.effective_at < :to
                order by c.effective_at, c.sequence""")
                .param("job", jobId).param("from", from).param("to", to)
                .query((rs, n) -> new DigestEntry(Times.local(rs.getObject(3, OffsetDateTime.class)),
                        DigestEntry.change(rs.getString(2), rs.getString(4), rs.getString(5)), rs.getString(8),
                        rs.getString(9), rs.getString(7), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getBoolean(13), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(1)))
                .list();
    }

    public int watchedFirms(UUID jobId) {
        return jdbc.sql("select count(distinct uscc) from screening_result where job_id = :job and outcome = 'MATCHED'")
                .param("job", jobId).query(Integer.class).single();
    }

    /** The distinct credit codes of the firms a screening matched, sorted. */
    public List<String> matchedUsccs(UUID jobId) {
        return jdbc.sql("select distinct uscc from screening_result where job_id = :job and outcome = 'MATCHED' order by uscc")
                .param("job", jobId).query(String.class).list();
    }

    /** The registry as it stands: every enterprise's current and former names, and its listings. */
    public RegistrySnapshot snapshot() {
        List<NameMatcher.Registered> names = new ArrayList<>(jdbc.sql("select uscc, name from enterprise")
                .query((rs, n) -> new NameMatcher.Registered(rs.getString(1), rs.getString(2))).list());
        Map<String, String> current = new HashMap<>();
        names.forEach(r -> current.put(r.uscc(), r.name()));
        jdbc.sql("select distinct n.uscc, n.name from enterprise_name n join enterprise e on e.uscc = n.uscc where n.name <> e.name")
                .query((rs, n) -> new NameMatcher.Registered(rs.getString(1), rs.getString(2))).list()
                .forEach(names::add);
        Map<String, List<ScreeningResult.ListingSummary>> listings = new HashMap<>();
        jdbc.sql("""
                select uscc, id, type, level, status, status_changed_at, certificate_number, year,
                  certificate_number_assigned from listing
                order by uscc, year desc, certificate_number""")
                .query((rs, n) -> {
                    listings.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                            new ScreeningResult.ListingSummary(rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), Times.text(Times.local(rs.getObject(6, OffsetDateTime.class))),
                                    rs.getString(7), rs.getBoolean(9), rs.getInt(8)));
                    return null;
                }).list();
        return new RegistrySnapshot(names, current, listings);
    }

    public record RegistrySnapshot(List<NameMatcher.Registered> names, Map<String, String> currentNames,
            Map<String, List<ScreeningResult.ListingSummary>> listings) {
    }

    static BigDecimal score(double value) {
        return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP);
    }
}
