package io.greenportal.certification.registration;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The approvals still to be registered with the registry (an outbox), and their outcome. */
@Repository
public class RegistrationStore {

    public record Registration(UUID applicationId, String requestId, String status, int attempts, String lastError,
            OffsetDateTime nextAttemptAt, UUID listingId, String certificateNumber) {
    }

    private final JdbcClient jdbc;

    public RegistrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The registry's idempotency key for an application: a retry can never create a second listing. */
    public static String requestId(UUID applicationId) {
        return "certification:" + applicationId;
    }

    public void insertPending(UUID applicationId, OffsetDateTime now) {
        jdbc.sql("""
                insert into registration (application_id, request_id, status, next_attempt_at, created_at)
                values (:id, :request, 'PENDING', :now, :now) on conflict do nothing""")
                .param("id", applicationId).param("request", requestId(applicationId)).param("now", now).update();
    }

    public List<UUID> due(OffsetDateTime now, int limit) {
        return jdbc.sql("select application_id from registration where status = 'PENDING' and next_attempt_at <= :now "
                        + "order by next_attempt_at limit :limit")
                .param("now", now).param("limit", limit).query(UUID.class).list();
    }

    /** Locks a pending registration for this transaction, or empty if done or being worked on elsewhere. */
    public Optional<Registration> lockPending(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from registration where application_id = :id and status = 'PENDING' "
                        + "for update skip locked")
                .param("id", applicationId).query(RegistrationStore::map).optional();
    }

    public Optional<Registration> find(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from registration where application_id = :id")
                .param("id", applicationId).query(RegistrationStore::map).optional();
    }

    public void complete(UUID applicationId, UUID listingId, String certificateNumber, OffsetDateTime now) {
        jdbc.sql("""
                update registration set status = 'DONE', listing_id = :listing, certificate_number = :number,
                    attempts = attempts + 1, last_error = null, completed_at = :now
                where application_id = :id""")
                .param("id", applicationId).param("listing", listingId).param("number", certificateNumber)
                .param("now", now).update();
    }

    public void failed(UUID applicationId, String error, OffsetDateTime nextAttemptAt) {
        jdbc.sql("update registration set attempts = attempts + 1, last_error = :error, next_attempt_at = :next "
                        + "where application_id = :id")
                .param("id", applicationId).param("error", error).param("next", nextAttemptAt).update();
    }

    private static final String COLUMNS = "application_id, request_id, status, attempts, last_error, next_attempt_at, "
            + "listing_id, certificate_number";

    private static Registration map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Registration(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), Times.local(rs.getObject(6, OffsetDateTime.class)), rs.getObject(7, UUID.class),
                rs.getString(8));
    }
}
