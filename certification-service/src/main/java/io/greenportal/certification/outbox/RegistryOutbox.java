package io.greenportal.certification.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes the registry must receive (table {@code registry_outbox}): queued in the transaction of
 * the change that needs them, delivered by {@link RegistryOutboxWorker} after commit. Status changes
 * of one listing are delivered in the order they were queued.
 */
@Repository
public class RegistryOutbox {

    public enum Kind {
        REGISTER_LISTING, CHANGE_STATUS, UPGRADE_NATIONAL
    }

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String REFUSED = "REFUSED";

    /** One queued write; {@code listingId} and {@code certificateNumber} of a registration once it is done. */
    public record Entry(long id, Kind kind, String requestId, UUID applicationId, UUID annualReportId, UUID listingId,
            String action, String reason, String status, int attempts, String lastError, OffsetDateTime nextAttemptAt,
            String certificateNumber, OffsetDateTime createdAt, OffsetDateTime completedAt, String actingFor) {
    }

    /** Published when an entry is queued; the worker delivers it once the transaction has committed. */
    public record Queued(long id) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public RegistryOutbox(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The registry's idempotency key for an application's listing: a retry can never create a second one. */
    public static String registrationRequestId(UUID applicationId) {
        return "certification:" + applicationId;
    }

    /** Queues the listing of an approved application (once: queuing it again changes nothing). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registerListing(UUID applicationId, OffsetDateTime now) {
        jdbc.sql("""
                insert into registry_outbox (kind, request_id, application_id, status, next_attempt_at, created_at)
                values ('REGISTER_LISTING', :request, :app, 'PENDING', :now, :now) on conflict do nothing
                returning id""")
                .param("request", registrationRequestId(applicationId)).param("app", applicationId).param("now", now)
                .query(Long.class).optional().ifPresent(id -> events.publishEvent(new Queued(id)));
    }

    /**
     * Queues a status change of a listing, decided over an annual report, a sanction review or by the
     * national platform; {@code actingFor} is who decided (the registry records it beside this service).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long changeStatus(UUID applicationId, UUID annualReportId, UUID listingId, String action, String reason,
            String actingFor, OffsetDateTime now) {
        long id = jdbc.sql("""
                insert into registry_outbox (kind, request_id, application_id, annual_report_id, listing_id, action, reason,
                    acting_for, status, next_attempt_at, created_at)
                values ('CHANGE_STATUS', :request, :app, :report, :listing, :action, :reason, :actingFor, 'PENDING', :now, :now)
                returning id""")
                .param("request", "certification:status:" + UUID.randomUUID()).param("app", applicationId)
                .param("report", annualReportId).param("listing", listingId).param("action", action)
                .param("reason", reason).param("actingFor", actingFor).param("now", now)
                .query(Long.class).single();
        events.publishEvent(new Queued(id));
        return id;
    }

    /**
     * Queues the upgrade of a listing the national platform accepted (level NATIONAL, the national
     * number and date); ordered with the listing's status changes, so a national removal that follows
     * reaches the registry after it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long upgradeNational(UUID applicationId, UUID listingId, String nationalNumber, java.time.LocalDate nationalOn,
            String reason, String requestId, OffsetDateTime now) {
        long id = jdbc.sql("insert into registry_outbox (kind, request_id, application_id, listing_id, reason, "
                        + "certificate_number, national_on, status, next_attempt_at, created_at) values ('UPGRADE_NATIONAL', "
                        + ":request, :app, :listing, :reason, :number, :on, 'PENDING', :now, :now) returning id")
                .param("request", requestId).param("app", applicationId).param("listing", listingId)
                .param("reason", reason).param("number", nationalNumber).param("on", nationalOn).param("now", now)
                .query(Long.class).single();
        events.publishEvent(new Queued(id));
        return id;
    }

    /** The national date of an UPGRADE_NATIONAL entry. */
    public java.time.LocalDate nationalOn(long id) {
        return jdbc.sql("select national_on from registry_outbox where id = :id").param("id", id)
                .query(java.time.LocalDate.class).single();
    }

    /** Pending entries due by {@code now} that nobody holds, oldest first. */
    public List<Long> due(OffsetDateTime now, int limit) {
        return jdbc.sql("select o.id from registry_outbox o where o.status = 'PENDING' and o.next_attempt_at <= :now "
                        + "and (o.lease_until is null or o.lease_until < :now) and " + NOTHING_EARLIER
                        + " order by o.next_attempt_at, o.id limit :limit")
                .param("now", now).param("limit", limit).query(Long.class).list();
    }

    /**
     * Takes the entry for one delivery attempt, until {@code leaseUntil}, if it is pending, nobody else
     * holds it and (a status change) no earlier change of its listing is still pending.
     */
    public Optional<Entry> claim(long id, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return jdbc.sql("update registry_outbox o set lease_until = :lease where o.id = :id and o.status = 'PENDING' "
                        + "and (o.lease_until is null or o.lease_until < :now) and "
                        + NOTHING_EARLIER + " returning " + COLUMNS)
                .param("id", id).param("now", now).param("lease", leaseUntil)
                .query(RegistryOutbox::map).optional();
    }

    private static final String NOTHING_EARLIER = "not (o.kind in ('CHANGE_STATUS', 'UPGRADE_NATIONAL') and exists "
            + "(select 1 from registry_outbox e where e.kind in ('CHANGE_STATUS', 'UPGRADE_NATIONAL') "
            + "and e.listing_id = o.listing_id and e.status = 'PENDING' and e.id < o.id))";

    /**
     * Completes a delivered entry (a registration with the listing the registry gave); false when it was
     * completed already, by another worker whose lease had run out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean done(long id, UUID listingId, String certificateNumber, OffsetDateTime now) {
        return jdbc.sql("""
                update registry_outbox set status = 'DONE', listing_id = coalesce(:listing, listing_id),
                    certificate_number = coalesce(:number, certificate_number), attempts = attempts + 1,
                    last_error = null, lease_until = null, completed_at = :now
                where id = :id and status = 'PENDING'""")
                .param("id", id).param("listing", listingId).param("number", certificateNumber).param("now", now)
                .update() == 1;
    }

    /** The registry refused the write for good (it will not change its mind on a retry). */
    public boolean refused(long id, String why, OffsetDateTime now) {
        return jdbc.sql("""
                update registry_outbox set status = 'REFUSED', attempts = attempts + 1, last_error = :why,
                    lease_until = null, completed_at = :now
                where id = :id and status = 'PENDING'""")
                .param("id", id).param("why", why).param("now", now).update() == 1;
    }

    /** The attempt failed (the registry was unreachable, slow, or answered an error): try again then. */
    public void retryAt(long id, String error, OffsetDateTime nextAttemptAt) {
        jdbc.sql("update registry_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next, "
                        + "lease_until = null where id = :id and status = 'PENDING'")
                .param("id", id).param("error", error).param("next", nextAttemptAt).update();
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from registry_outbox o where o.id = :id").param("id", id)
                .query(RegistryOutbox::map).optional();
    }

    /** The registration of an approved application, if it was approved. */
    public Optional<Entry> registrationOf(UUID applicationId) {
        return jdbc.sql("select " + COLUMNS + " from registry_outbox o where o.application_id = :app "
                        + "and o.kind = 'REGISTER_LISTING'")
                .param("app", applicationId).query(RegistryOutbox::map).optional();
    }

    private static final String COLUMNS = "o.id, o.kind, o.request_id, o.application_id, o.annual_report_id, o.listing_id, "
            + "o.action, o.reason, o.status, o.attempts, o.last_error, o.next_attempt_at, o.certificate_number, "
            + "o.created_at, o.completed_at, o.acting_for";

    private static Entry map(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("request_id"),
                rs.getObject("application_id", UUID.class), rs.getObject("annual_report_id", UUID.class),
                rs.getObject("listing_id", UUID.class), rs.getString("action"), rs.getString("reason"),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                Times.local(rs.getObject("next_attempt_at", OffsetDateTime.class)), rs.getString("certificate_number"),
                Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                Times.local(rs.getObject("completed_at", OffsetDateTime.class)), rs.getString("acting_for"));
    }
}
