package io.greenportal.certification.national;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rounds, dossiers, the national outbox, its delivery log and the decisions received. */
@Repository
public class NationalStore {

    private static final TypeReference<Map<String, Integer>> QUOTAS = new TypeReference<>() {
    };
    private static final String ROUND = "id, name, deadline, quotas, status, created_by, created_at, submitted_by, submitted_at";
    private static final String DOSSIER = "id, round_id, position, application_id, listing_id, type, status, "
            + "national_certificate_number, national_on, decision_reason, applied_version, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public NationalStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // rounds

    public void insertRound(NationalRound r) {
        jdbc.sql("insert into national_round (id, name, deadline, quotas, status, created_by, created_at) "
                        + "values (:id, :name, :deadline, cast(:quotas as jsonb), :status, :by, :at)")
                .param("id", r.id()).param("name", r.name()).param("deadline", r.deadline())
                .param("quotas", json.writeValueAsString(r.quotas())).param("status", r.status())
                .param("by", r.createdBy()).param("at", r.createdAt()).update();
    }

    public Optional<NationalRound> round(UUID id) {
        return jdbc.sql("select " + ROUND + " from national_round where id = :id").param("id", id)
                .query(this::mapRound).optional();
    }

    public Optional<NationalRound> lockRound(UUID id) {
        return jdbc.sql("select " + ROUND + " from national_round where id = :id for update").param("id", id)
                .query(this::mapRound).optional();
    }

    public List<NationalRound> rounds() {
        return jdbc.sql("select " + ROUND + " from national_round order by created_at desc limit 200").query(this::mapRound).list();
    }

    public void submitRound(UUID id, String by, OffsetDateTime at) {
        jdbc.sql("update national_round set status = 'SUBMITTED', submitted_by = :by, submitted_at = :at where id = :id")
                .param("id", id).param("by", by).param("at", at).update();
    }

    // dossiers

    public void deleteSelection(UUID roundId) {
        jdbc.sql("delete from national_dossier where round_id = :round and status = 'SELECTED'").param("round", roundId).update();
    }

    public void insertDossier(UUID id, UUID roundId, int position, UUID applicationId, UUID listingId, String type,
            OffsetDateTime at) {
        jdbc.sql("""
                insert into national_dossier (id, round_id, position, application_id, listing_id, type, status, created_at,
                    updated_at)
                values (:id, :round, :position, :app, :listing, :type, 'SELECTED', :at, :at)""")
                .param("id", id).param("round", roundId).param("position", position).param("app", applicationId)
                .param("listing", listingId).param("type", type).param("at", at).update();
    }

    public List<Dossier> dossiersOf(UUID roundId) {
        return jdbc.sql("select " + DOSSIER + " from national_dossier where round_id = :round order by position")
                .param("round", roundId).query(NationalStore::dossier).list();
    }

    public Optional<Dossier> dossier(UUID id) {
        return jdbc.sql("select " + DOSSIER + " from national_dossier where id = :id").param("id", id)
                .query(NationalStore::dossier).optional();
    }

    public Optional<Dossier> lockDossier(UUID id) {
        return jdbc.sql("select " + DOSSIER + " from national_dossier where id = :id for update").param("id", id)
                .query(NationalStore::dossier).optional();
    }

    /** Listings recommended elsewhere and not rejected there (a listing goes up once at a time). */
    public List<UUID> recommendedElsewhere(UUID roundId, List<UUID> listingIds) {
        if (listingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select listing_id from national_dossier where round_id <> :round and listing_id in (:ids) "
                        + "and status <> 'REJECTED'")
                .param("round", roundId).param("ids", listingIds).query(UUID.class).list();
    }

    public void queue(UUID dossierId, String payload, OffsetDateTime at) {
        jdbc.sql("update national_dossier set status = 'QUEUED', payload = cast(:payload as jsonb), updated_at = :at "
                        + "where id = :id")
                .param("id", dossierId).param("payload", payload).param("at", at).update();
        jdbc.sql("insert into national_outbox (dossier_id, status, next_attempt_at, created_at) values (:id, 'PENDING', :at, :at)")
                .param("id", dossierId).param("at", at).update();
    }

    public String payload(UUID dossierId) {
        return jdbc.sql("select payload::text from national_dossier where id = :id").param("id", dossierId)
                .query(String.class).single();
    }

    public void setStatus(UUID dossierId, String from, String to, OffsetDateTime at) {
        jdbc.sql("update national_dossier set status = :to, updated_at = :at where id = :id and status = :from")
                .param("id", dossierId).param("from", from).param("to", to).param("at", at).update();
    }

    public void decide(UUID dossierId, String status, String number, LocalDate on, String reason, int version,
            OffsetDateTime at) {
        jdbc.sql("""
                update national_dossier set status = :status,
                    national_certificate_number = coalesce(:number, national_certificate_number),
                    national_on = coalesce(:on, national_on), decision_reason = :reason, applied_version = :version,
                    updated_at = :at where id = :id""")
                .param("id", dossierId).param("status", status).param("number", number).param("on", on)
                .param("reason", reason).param("version", version).param("at", at).update();
    }

    public void skipVersion(UUID dossierId, int version) {
        jdbc.sql("update national_dossier set applied_version = :version where id = :id")
                .param("id", dossierId).param("version", version).update();
    }

    /** Dossiers whose decisions may still come: delivered and not decided, or accepted (a removal may follow). */
    public List<Dossier> awaitingDecisions(int limit) {
        return jdbc.sql("select " + DOSSIER + " from national_dossier where status in ('DELIVERED', 'ACCEPTED') "
                        + "order by updated_at limit :limit")
                .param("limit", limit).query(NationalStore::dossier).list();
    }

    // the outbox and its delivery log

    public record OutboxEntry(UUID dossierId, String status, int attempts, String lastError, OffsetDateTime nextAttemptAt) {
    }

    public List<UUID> due(OffsetDateTime now, int limit) {
        return jdbc.sql("select dossier_id from national_outbox where status = 'PENDING' and next_attempt_at <= :now "
                        + "and (lease_until is null or lease_until < :now) order by next_attempt_at limit :limit")
                .param("now", now).param("limit", limit).query(UUID.class).list();
    }

    public Optional<OutboxEntry> claim(UUID dossierId, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return jdbc.sql("update national_outbox set lease_until = :lease where dossier_id = :id and status = 'PENDING' "
                        + "and next_attempt_at <= :now and (lease_until is null or lease_until < :now) "
                        + "returning dossier_id, status, attempts, last_error, next_attempt_at")
                .param("id", dossierId).param("now", now).param("lease", leaseUntil)
                .query(NationalStore::outbox).optional();
    }

    public Optional<OutboxEntry> outboxOf(UUID dossierId) {
        return jdbc.sql("select dossier_id, status, attempts, last_error, next_attempt_at from national_outbox "
                        + "where dossier_id = :id").param("id", dossierId).query(NationalStore::outbox).optional();
    }

    public boolean complete(UUID dossierId, String status, String error, OffsetDateTime now) {
        return jdbc.sql("update national_outbox set status = :status, attempts = attempts + 1, last_error = :error, "
                        + "lease_until = null, completed_at = :now where dossier_id = :id and status = 'PENDING'")
                .param("id", dossierId).param("status", status).param("error", error).param("now", now).update() == 1;
    }

    public void retryAt(UUID dossierId, String error, OffsetDateTime next) {
        jdbc.sql("update national_outbox set attempts = attempts + 1, last_error = :error, next_attempt_at = :next, "
                        + "lease_until = null where dossier_id = :id and status = 'PENDING'")
                .param("id", dossierId).param("error", error).param("next", next).update();
    }

    /** Queues the dossier again (a replay): it is delivered once more, as it was. */
    public boolean requeue(UUID dossierId, OffsetDateTime now) {
        return jdbc.sql("update national_outbox set status = 'PENDING', next_attempt_at = :now, lease_until = null, "
                        + "completed_at = null where dossier_id = :id and status <> 'PENDING'")
                .param("id", dossierId).param("now", now).update() == 1;
    }

    public record Delivery(long id, UUID dossierId, int attempt, OffsetDateTime at, String outcome, Integer httpStatus,
            String detail, String actor) {
    }

    public void logDelivery(UUID dossierId, int attempt, OffsetDateTime at, String outcome, Integer httpStatus,
            String detail, String actor) {
        jdbc.sql("insert into national_delivery (dossier_id, attempt, at, outcome, http_status, detail, actor) "
                        + "values (:id, :attempt, :at, :outcome, :status, :detail, :actor)")
                .param("id", dossierId).param("attempt", attempt).param("at", at).param("outcome", outcome)
                .param("status", httpStatus).param("detail", detail == null || detail.length() <= 2000 ? detail
                        : detail.substring(0, 2000))
                .param("actor", actor).update();
    }

    public List<Delivery> deliveries(UUID dossierId, int limit) {
        return jdbc.sql("select id, dossier_id, attempt, at, outcome, http_status, detail, actor from national_delivery "
                        + (dossierId == null ? "" : "where dossier_id = :id ") + "order by id desc limit :limit")
                .paramSource(dossierId == null ? Map.of("limit", limit) : Map.of("id", dossierId, "limit", limit))
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3),
                        Times.local(rs.getObject(4, OffsetDateTime.class)), rs.getString(5),
                        (Integer) rs.getObject(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    // decisions

    /** Records a decision; false when its event id (or its version of the dossier) was received before. */
    public boolean recordDecision(DecisionEvent d, String source, OffsetDateTime at) {
        return jdbc.sql("""
                insert into national_decision (event_id, dossier_id, version, kind, certificate_number, decided_on, reason,
                    removal, source, received_at)
                values (:event, :dossier, :version, :kind, :number, :on, :reason, :removal, :source, :at)
                on conflict do nothing""")
                .param("event", d.eventId()).param("dossier", d.dossierId()).param("version", d.version())
                .param("kind", d.kind()).param("number", d.certificateNumber()).param("on", d.decidedOn())
                .param("reason", d.reason()).param("removal", d.removal()).param("source", source).param("at", at)
                .update() == 1;
    }

    public Optional<DecisionEvent> decision(UUID dossierId, int version) {
        return jdbc.sql("select event_id, dossier_id, version, kind, certificate_number, decided_on, reason, removal "
                        + "from national_decision where dossier_id = :id and version = :version")
                .param("id", dossierId).param("version", version)
                .query((rs, n) -> new DecisionEvent(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                        rs.getString(8)))
                .optional();
    }

    public void markApplied(String eventId, OffsetDateTime at) {
        jdbc.sql("update national_decision set applied_at = :at where event_id = :id").param("id", eventId)
                .param("at", at).update();
    }

    public record Received(String eventId, int version, String kind, String source, OffsetDateTime receivedAt,
            OffsetDateTime appliedAt) {
    }

    public List<Received> decisionsOf(UUID dossierId) {
        return jdbc.sql("select event_id, version, kind, source, received_at, applied_at from national_decision "
                        + "where dossier_id = :id order by version")
                .param("id", dossierId)
                .query((rs, n) -> new Received(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        Times.local(rs.getObject(5, OffsetDateTime.class)),
                        Times.local(rs.getObject(6, OffsetDateTime.class))))
                .list();
    }

    private NationalRound mapRound(ResultSet rs, int n) throws SQLException {
        return new NationalRound(rs.getObject("id", UUID.class), rs.getString("name"),
                Times.local(rs.getObject("deadline", OffsetDateTime.class)), json.readValue(rs.getString("quotas"), QUOTAS),
                rs.getString("status"), rs.getString("created_by"), Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getString("submitted_by"), Times.local(rs.getObject("submitted_at", OffsetDateTime.class)));
    }

    static Dossier dossier(ResultSet rs, int n) throws SQLException {
        return new Dossier(rs.getObject("id", UUID.class), rs.getObject("round_id", UUID.class), rs.getInt("position"),
                rs.getObject("application_id", UUID.class), rs.getObject("listing_id", UUID.class), rs.getString("type"),
                rs.getString("status"), rs.getString("national_certificate_number"),
                rs.getObject("national_on", LocalDate.class), rs.getString("decision_reason"), rs.getInt("applied_version"),
                Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                Times.local(rs.getObject("updated_at", OffsetDateTime.class)));
    }

    static OutboxEntry outbox(ResultSet rs, int n) throws SQLException {
        return new OutboxEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                Times.local(rs.getObject(5, OffsetDateTime.class)));
    }
}
