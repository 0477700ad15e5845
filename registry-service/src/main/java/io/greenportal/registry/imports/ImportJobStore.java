package io.greenportal.registry.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;
import io.greenportal.registry.imports.ImportJob.Rejection;
import io.greenportal.registry.imports.ImportJob.Warning;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ImportJobStore {

    private final JdbcClient jdbc;

    public ImportJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void create(UUID id, String fileName, String format, int rowsTotal, String actor, OffsetDateTime at) {
        jdbc.sql("""
                insert into import_job (id, file_name, format, status, rows_total, created_by, created_at)
                values (:id, :file, :format, 'RUNNING', :total, :actor, :at)""")
                .param("id", id).param("file", fileName).param("format", format).param("total", rowsTotal)
                .param("actor", actor).param("at", at).update();
    }

    public void progress(UUID id, int done, int imported, List<Rejection> rejected, List<Warning> warnings) {
        for (Rejection r : rejected) {
            jdbc.sql("insert into import_rejection (job_id, line, field, reason) values (:id, :line, :field, :reason)")
                    .param("id", id).param("line", r.line()).param("field", r.field()).param("reason", r.reason())
                    .update();
        }
        for (Warning w : warnings) {
            jdbc.sql("insert into import_warning (job_id, line, field, message) values (:id, :line, :field, :message)")
                    .param("id", id).param("line", w.line()).param("field", w.field()).param("message", w.message())
                    .update();
        }
        jdbc.sql("""
                update import_job set rows_done = rows_done + :done, rows_imported = rows_imported + :imported,
                  rows_rejected = rows_rejected + :rejected where id = :id""")
                .param("done", done).param("imported", imported).param("rejected", rejected.size()).param("id", id)
                .update();
    }

    public void finish(UUID id, ImportJob.Status status, String error, OffsetDateTime at) {
        jdbc.sql("update import_job set status = :status, error = :error, finished_at = :at where id = :id")
                .param("status", status.name()).param("error", error).param("at", at).param("id", id).update();
    }

    /** Jobs cut off by a restart: their committed chunks stay, the rest must be sent again. */
    public int failInterrupted(OffsetDateTime at) {
        return jdbc.sql("""
                update import_job set status = 'FAILED', finished_at = :at,
                  error = 'interrupted by a restart: send the file again; rows already imported will be rejected as duplicates'
                where status = 'RUNNING'""").param("at", at).update();
    }

    /**
     * The job with at most {@code maxRejections} rejections and as many warnings, by line. The job
     * row is read first: once it says the job is over, every row's outcome has been committed.
     */
    public Optional<ImportJob> find(UUID id, int maxRejections) {
        return jdbc.sql("select * from import_job where id = :id").param("id", id)
                .query((rs, n) -> new ImportJob(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getString("format"), ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("rows_total"),
                        rs.getInt("rows_done"), rs.getInt("rows_imported"), rs.getInt("rows_rejected"),
                        rs.getString("error"), rs.getString("created_by"),
                        Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                        Times.local(rs.getObject("finished_at", OffsetDateTime.class)), List.of(), List.of()))
                .optional()
                .map(job -> new ImportJob(job.id(), job.fileName(), job.format(), job.status(), job.rowsTotal(),
                        job.rowsDone(), job.rowsImported(), job.rowsRejected(), job.error(), job.createdBy(),
                        job.createdAt(), job.finishedAt(), rejections(id, maxRejections), warnings(id, maxRejections)));
    }

    private List<Rejection> rejections(UUID id, int max) {
        return jdbc.sql("select line, field, reason from import_rejection where job_id = :id order by line limit :max")
                .param("id", id).param("max", max)
                .query((rs, n) -> new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    private List<Warning> warnings(UUID id, int max) {
        return jdbc.sql("select line, field, message from import_warning where job_id = :id order by line limit :max")
                .param("id", id).param("max", max)
                .query((rs, n) -> new Warning(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    public List<ImportJob> recent(int limit) {
        return jdbc.sql("select id from import_job order by created_at desc limit :limit").param("limit", limit)
                .query(UUID.class).list().stream().map(id -> find(id, 0).orElseThrow()).toList();
    }
}
