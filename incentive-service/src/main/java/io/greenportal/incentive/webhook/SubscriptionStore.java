package io.greenportal.incentive.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SubscriptionStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public SubscriptionStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public void insert(Subscription s, String sealedSecret, String createdBy, String idempotencyKey, String fingerprint) {
        jdbc.sql("""
                insert into webhook_subscription (id, bank_id, url, secret, description, watch_all, watch_screening,
                  active, start_sequence, created_at, created_by, updated_at, idempotency_key, idempotency_fingerprint)
                values (:id, :bank, :url, :secret, :description, :watchAll, :screening, true, :start, :at, :by, :at, :key,
                  :fp)""")
                .param("id", s.id()).param("bank", s.bankId()).param("url", s.url()).param("secret", sealedSecret)
                .param("description", s.description()).param("watchAll", s.watchAll())
                .param("screening", s.watchScreening())
                .param("start", s.startSequence()).param("at", s.createdAt()).param("by", createdBy)
                .param("key", idempotencyKey).param("fp", fingerprint)
                .update();
        replaceWatchList(s.id(), s.watchUsccs());
    }

    public void replaceWatchList(UUID id, List<String> usccs) {
        jdbc.sql("delete from webhook_watch where subscription_id = :id").param("id", id).update();
        if (usccs != null && !usccs.isEmpty()) {
            batch.batchUpdate("insert into webhook_watch (subscription_id, uscc) values (?, ?)", usccs, 1000,
                    (ps, uscc) -> {
                        ps.setObject(1, id);
                        ps.setString(2, uscc);
                    });
        }
    }

    /** The subscription if it belongs to this bank: another bank's is as good as absent. */
    public Optional<Subscription> find(UUID id, String bankId) {
        return jdbc.sql("select * from webhook_subscription where id = :id and bank_id = :bank")
                .param("id", id).param("bank", bankId).query(this::map).optional()
                .map(s -> withWatchList(s));
    }

    /** The bank's subscription, locked until the transaction ends (changes to one subscription queue here). */
    public Optional<Subscription> lock(UUID id, String bankId) {
        return jdbc.sql("select * from webhook_subscription where id = :id and bank_id = :bank for update")
                .param("id", id).param("bank", bankId).query(this::map).optional().map(this::withWatchList);
    }

    /** The subscription created under this key, and whether {@code fingerprint} is the request that created it. */
    public Optional<IdempotencyKeys.Stored<Subscription>> findByIdempotencyKey(String bankId, String key,
            String fingerprint) {
        return jdbc.sql("select *, " + IdempotencyKeys.sameRequestColumn("idempotency_fingerprint") + " "
                + "from webhook_subscription where bank_id = :bank and idempotency_key = :key")
                .param("bank", bankId).param("key", key).param("fp", fingerprint)
                .query((rs, row) -> IdempotencyKeys.stored(map(rs, row), rs)).optional()
                .map(found -> new IdempotencyKeys.Stored<>(withWatchList(found.row()), found.sameRequest()));
    }

    public List<Subscription> list(String bankId) {
        return jdbc.sql("select * from webhook_subscription where bank_id = :bank order by created_at, id")
                .param("bank", bankId).query(this::map).list().stream().map(this::withWatchList).toList();
    }

    /**
     * Holds the bank's subscriptions still until the transaction ends: concurrent creates then count
     * one after another, so the per-bank cap holds (without it 30 at once made 26).
     */
    public void lockBank(String bankId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('webhook-subscriptions:' || :bank))").param("bank", bankId)
                .query(Object.class).optional();
    }

    public int count(String bankId) {
        return jdbc.sql("select count(*) from webhook_subscription where bank_id = :bank").param("bank", bankId)
                .query(Integer.class).single();
    }

    public void update(UUID id, String url, String sealedSecret, String description, boolean watchAll,
            UUID watchScreening, boolean active, OffsetDateTime at) {
        jdbc.sql("""
                update webhook_subscription set url = :url, secret = coalesce(:secret, secret), description = :description,
                  watch_all = :watchAll, watch_screening = :screening, active = :active, updated_at = :at where id = :id""")
                .param("url", url).param("secret", sealedSecret).param("description", description)
                .param("watchAll", watchAll).param("screening", watchScreening).param("active", active).param("at", at)
                .param("id", id).update();
    }

    public boolean delete(UUID id, String bankId) {
        return jdbc.sql("delete from webhook_subscription where id = :id and bank_id = :bank")
                .param("id", id).param("bank", bankId).update() == 1;
    }

    /** Where and with which (sealed) secret to deliver; empty when the subscription is gone or paused. */
    public record Target(UUID id, String url, String sealedSecret) {
    }

    public Optional<Target> target(UUID id) {
        return jdbc.sql("select id, url, secret from webhook_subscription where id = :id and active")
                .param("id", id)
                .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** The subscriptions that hear of a change to this firm's listings at this sequence. */
    public List<UUID> interestedIn(String uscc, long sequence) {
        return jdbc.sql("""
                select s.id from webhook_subscription s
                where s.start_sequence < :sequence
                  and (s.watch_all or exists (select 1 from webhook_watch w where w.subscription_id = s.id and w.uscc = :uscc))
                order by s.id""")
                .param("sequence", sequence).param("uscc", uscc).query(UUID.class).list();
    }

    private Subscription withWatchList(Subscription s) {
        if (s.watchAll()) {
            return s;
        }
        if (s.watchScreening() != null) {
            int watched = jdbc.sql("select count(*) from webhook_watch where subscription_id = :id").param("id", s.id())
                    .query(Integer.class).single();
            return new Subscription(s.id(), s.bankId(), s.url(), s.description(), false, null, s.watchScreening(),
                    watched, s.active(), s.startSequence(), s.createdAt(), s.updatedAt());
        }
        List<String> usccs = jdbc.sql("select uscc from webhook_watch where subscription_id = :id order by uscc")
                .param("id", s.id()).query(String.class).list();
        return new Subscription(s.id(), s.bankId(), s.url(), s.description(), false, usccs, null, null, s.active(),
                s.startSequence(), s.createdAt(), s.updatedAt());
    }

    private Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("bank_id"), rs.getString("url"),
                rs.getString("description"), rs.getBoolean("watch_all"), null,
                rs.getObject("watch_screening", UUID.class), null, rs.getBoolean("active"),
                rs.getLong("start_sequence"), Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                Times.local(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
