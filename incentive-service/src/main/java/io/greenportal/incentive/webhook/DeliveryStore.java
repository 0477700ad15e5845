package io.greenportal.incentive.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.incentive.webhook.Delivery.Attempt;
import io.greenportal.platform.web.Times;
import io.greenportal.platform.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook deliveries: the outbox the worker drains, and the log banks read and replay from. A
 * worker claims due deliveries with a lease ({@code for update skip locked}), so several instances
 * never send the same attempt twice.
 */
@Repository
public class DeliveryStore {

    private static final String COLUMNS = """
            id, subscription_id, event_id, sequence, uscc, listing_id, state, attempts, next_attempt_at,
            last_attempt_at, last_status, last_error, delivered_at, created_at""";

    private final JdbcClient jdbc;

    public DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a delivery unless this subscription has one for this change already; true when added. */
    public boolean insertIfAbsent(UUID id, UUID subscriptionId, long sequence, String eventId, UUID listingId,
            String uscc, String payload, OffsetDateTime at) {
        return jdbc.sql("""
                insert into webhook_delivery (id, subscription_id, sequence, event_id, listing_id, uscc, payload, state,
                  attempts, round_attempts, next_attempt_at, created_at)
                values (:id, :subscription, :sequence, :eventId, :listing, :uscc, :payload, 'PENDING', 0, 0, :at, :at)
                on conflict do nothing""")
                .param("id", id).param("subscription", subscriptionId).param("sequence", sequence)
                .param("eventId", eventId).param("listing", listingId).param("uscc", uscc).param("payload", payload)
                .param("at", at).update() == 1;
    }

    /** A delivery the worker holds for one attempt. */
    public record Claimed(UUID id, UUID subscriptionId, String eventId, String payload, int attempts, int roundAttempts) {
    }

    @Transactional
    public List<Claimed> claimDue(OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        return jdbc.sql("""
                update webhook_delivery d set lease_until = :lease
                from (select d2.id from webhook_delivery d2 join webhook_subscription s on s.id = d2.subscription_id
                      where d2.state = 'PENDING' and d2.next_attempt_at <= :now and s.active
                        and (d2.lease_until is null or d2.lease_until < :now)
                      order by d2.next_attempt_at limit :limit for update of d2 skip locked) due
                where d.id = due.id
                returning d.id, d.subscription_id, d.event_id, d.payload, d.attempts, d.round_attempts""")
                .param("lease", leaseUntil).param("now", now).param("limit", limit)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6)))
                .list();
    }

    /** When the next pending delivery of an active subscription falls due, if any. */
    public Optional<OffsetDateTime> nextDue() {
        return jdbc.sql("""
                select min(greatest(d.next_attempt_at, coalesce(d.lease_until, d.next_attempt_at)))
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.state = 'PENDING' and s.active""")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional();
    }

    /** Records one attempt and its outcome; nothing when the subscription was deleted meanwhile. */
    @Transactional
    public void recordAttempt(Claimed claimed, OffsetDateTime at, Integer httpStatus, String error, int durationMs,
            String newState, OffsetDateTime nextAttemptAt) {
        int attempt = claimed.attempts() + 1;
        int updated = jdbc.sql("""
                update webhook_delivery set state = :state, attempts = :attempt, round_attempts = round_attempts + 1,
                  last_attempt_at = :at, last_status = :status, last_error = :error, lease_until = null,
                  next_attempt_at = coalesce(:next, next_attempt_at),
                  delivered_at = case when :state = 'DELIVERED' then :at else delivered_at end
                where id = :id""")
                .param("state", newState).param("attempt", attempt).param("at", at).param("status", httpStatus)
                .param("error", error).param("next", nextAttemptAt).param("id", claimed.id()).update();
        if (updated == 0) {
            return;
        }
        jdbc.sql("""
                insert into webhook_attempt (delivery_id, attempt, at, http_status, error, duration_ms)
                values (:id, :attempt, :at, :status, :error, :duration) on conflict do nothing""")
                .param("id", claimed.id()).param("attempt", attempt).param("at", at).param("status", httpStatus)
                .param("error", error).param("duration", durationMs).update();
    }

    public Page<Delivery> list(UUID subscriptionId, String state, int page, int size) {
        long total = jdbc.sql("""
                select count(*) from webhook_delivery where subscription_id = :s
                  and (cast(:state as text) is null or state = :state)""")
                .param("s", subscriptionId).param("state", state).query(Long.class).single();
        List<Delivery> items = jdbc.sql("select " + COLUMNS + """
                 from webhook_delivery where subscription_id = :s and (cast(:state as text) is null or state = :state)
                order by sequence desc limit :size offset :offset""")
                .param("s", subscriptionId).param("state", state).param("size", size)
                .param("offset", (long) page * size).query((rs, n) -> map(rs, null, null)).list();
        return new Page<>(items, page, size, total);
    }

    public Optional<Delivery> find(UUID subscriptionId, UUID id) {
        return jdbc.sql("select " + COLUMNS + ", payload from webhook_delivery where id = :id and subscription_id = :s")
                .param("id", id).param("s", subscriptionId)
                .query((rs, n) -> map(rs, rs.getString("payload"), attempts(id))).optional();
    }

    public List<Attempt> attempts(UUID deliveryId) {
        return jdbc.sql("select * from webhook_attempt where delivery_id = :id order by attempt")
                .param("id", deliveryId)
                .query((rs, n) -> new Attempt(rs.getInt("attempt"), Times.local(rs.getObject("at", OffsetDateTime.class)),
                        (Integer) rs.getObject("http_status", Integer.class), rs.getString("error"),
                        rs.getInt("duration_ms")))
                .list();
    }

    /** Queues one delivery again, whatever became of it; the bank de-duplicates by event id. */
    public boolean requeue(UUID subscriptionId, UUID id, OffsetDateTime now) {
        return jdbc.sql("""
                update webhook_delivery set state = 'PENDING', round_attempts = 0, next_attempt_at = :now, lease_until = null
                where id = :id and subscription_id = :s""")
                .param("now", now).param("id", id).param("s", subscriptionId).update() == 1;
    }

    /** Queues again every delivery of the subscription from this registry sequence on. */
    public int requeueFrom(UUID subscriptionId, long fromSequence, OffsetDateTime now) {
        return jdbc.sql("""
                update webhook_delivery set state = 'PENDING', round_attempts = 0, next_attempt_at = :now, lease_until = null
                where subscription_id = :s and sequence >= :from""")
                .param("now", now).param("s", subscriptionId).param("from", fromSequence).update();
    }

    private static Delivery map(ResultSet rs, String payload, List<Attempt> attempts) throws SQLException {
        String state = rs.getString("state");
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("event_id"), rs.getLong("sequence"), rs.getString("uscc"),
                rs.getObject("listing_id", UUID.class), state, rs.getInt("attempts"),
                "PENDING".equals(state) ? Times.local(rs.getObject("next_attempt_at", OffsetDateTime.class)) : null,
                Times.local(rs.getObject("last_attempt_at", OffsetDateTime.class)),
                (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                Times.local(rs.getObject("delivered_at", OffsetDateTime.class)),
                Times.local(rs.getObject("created_at", OffsetDateTime.class)), payload, attempts);
    }
}
