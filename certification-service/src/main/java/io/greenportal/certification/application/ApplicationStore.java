package io.greenportal.certification.application;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class ApplicationStore {

    static final String COLUMNS = "a.id, a.batch_id, a.uscc, a.owner, a.type, a.state, a.round, a.enterprise_name, "
            + "a.region_code, a.city_code, a.industry_code, a.subject, a.self_score, a.indicators, a.evaluation_body, "
            + "a.evaluation_report, a.expert_mean, a.publicity_starts_at, a.publicity_ends_at, a.listing_id, "
            + "a.certificate_number, a.created_at, a.updated_at";
    private static final TypeReference<List<Indicator>> INDICATORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ApplicationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Application a, String idempotencyKey, String fingerprint) {
        jdbc.sql("""
                insert into application (id, batch_id, uscc, owner, type, state, round, enterprise_name, region_code,
                    city_code, industry_code, subject, self_score, indicators, evaluation_body, evaluation_report,
                    idempotency_key, idempotency_fingerprint, created_at, updated_at)
                values (:id, :batch, :uscc, :owner, :type, :state, 0, :name, :region, :city, :industry,
                    cast(:subject as jsonb), :score, cast(:indicators as jsonb), :body, :report, :key, :fp, :at, :at)""")
                .param("id", a.id()).param("batch", a.batchId()).param("uscc", a.uscc()).param("owner", a.owner())
                .param("type", a.type().name()).param("state", a.state().name()).param("name", a.enterpriseName())
                .param("region", a.regionCode()).param("city", a.cityCode()).param("industry", a.industryCode())
                .param("subject", json.writeValueAsString(a.subject())).param("score", a.selfScore())
                .param("indicators", json.writeValueAsString(a.indicators())).param("body", a.evaluationBody())
                .param("report", a.evaluationReport()).param("key", idempotencyKey).param("fp", fingerprint)
                .param("at", a.createdAt())
                .update();
    }

    public void updateContent(Application a, OffsetDateTime now) {
        jdbc.sql("""
                update application set enterprise_name = :name, region_code = :region, city_code = :city,
                    industry_code = :industry, subject = cast(:subject as jsonb), self_score = :score,
                    indicators = cast(:indicators as jsonb), evaluation_body = :body, evaluation_report = :report,
                    updated_at = :at
                where id = :id""")
                .param("id", a.id()).param("name", a.enterpriseName()).param("region", a.regionCode())
                .param("city", a.cityCode()).param("industry", a.industryCode())
                .param("subject", json.writeValueAsString(a.subject())).param("score", a.selfScore())
                .param("indicators", json.writeValueAsString(a.indicators())).param("body", a.evaluationBody())
                .param("report", a.evaluationReport()).param("at", now)
                .update();
    }

    /** The enterprise's name, region and industry as the registry holds them (the listing will carry these). */
    public void setRegisteredEnterprise(UUID id, String name, String regionCode, String industryCode, OffsetDateTime now) {
        jdbc.sql("""
                update application set enterprise_name = :name, region_code = :region, city_code = :city,
                  industry_code = :industry, updated_at = :at where id = :id""")
                .param("id", id).param("name", name).param("region", regionCode)
                .param("city", regionCode == null ? null : io.greenportal.platform.creditcode.DivisionCodes.cityOf(regionCode))
                .param("industry", industryCode)
                .param("at", now).update();
    }

    public Optional<Application> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from application a where a.id = :id").param("id", id)
                .query(this::map).optional();
    }

    /** Reads and row-locks the application until the transaction ends: every state change starts here. */
    public Optional<Application> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from application a where a.id = :id for update").param("id", id)
                .query(this::map).optional();
    }

    /** The application created under this key, and whether {@code fingerprint} is the request that created it. */
    public Optional<IdempotencyKeys.Stored<Application>> findByIdempotencyKey(String uscc, String key, String fingerprint) {
        return jdbc.sql("select " + COLUMNS + ", " + IdempotencyKeys.sameRequestColumn("a.idempotency_fingerprint") + " "
                + "from application a where a.uscc = :uscc and a.idempotency_key = :key")
                .param("uscc", uscc).param("key", key).param("fp", fingerprint)
                .query((rs, row) -> IdempotencyKeys.stored(map(rs, row), rs)).optional();
    }

    /**
     * The enterprise's applications of this type that are under way: submitted, in review, returned,
     * in publicity, or approved with the listing not registered yet.
     */
    public List<Application> underWay(String uscc, ListingType type) {
        return jdbc.sql("select " + COLUMNS + " from application a where a.uscc = :uscc and a.type = :type and (a.state in "
                + "('SUBMITTED','MUNICIPAL_REVIEW','PROVINCIAL_REVIEW','EXPERT_REVIEW','PUBLICITY','RETURNED') "
                + "or a.state = 'APPROVED' and a.listing_id is null)")
                .param("uscc", uscc).param("type", type.name()).query(this::map).list();
    }

    /** Moves the state only if it is still {@code from}; answers whether it did. */
    public boolean moveState(UUID id, ApplicationState from, ApplicationState to, OffsetDateTime now) {
        return jdbc.sql("update application set state = :to, updated_at = :at where id = :id and state = :from")
                .param("id", id).param("from", from.name()).param("to", to.name()).param("at", now)
                .update() == 1;
    }

    public void startRound(UUID id, int round) {
        jdbc.sql("update application set round = :round, expert_mean = null, publicity_starts_at = null, "
                        + "publicity_ends_at = null where id = :id")
                .param("id", id).param("round", round).update();
    }

    public void setExpertMean(UUID id, BigDecimal mean) {
        jdbc.sql("update application set expert_mean = :mean where id = :id").param("id", id).param("mean", mean).update();
    }

    public void setPublicity(UUID id, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        jdbc.sql("update application set publicity_starts_at = :s, publicity_ends_at = :e where id = :id")
                .param("id", id).param("s", startsAt).param("e", endsAt).update();
    }

    public void setListing(UUID id, UUID listingId, String certificateNumber) {
        jdbc.sql("update application set listing_id = :listing, certificate_number = :number where id = :id")
                .param("id", id).param("listing", listingId).param("number", certificateNumber).update();
    }

    /** A page of applications matching a filter that the caller's role decided. */
    public record Query(String uscc, String cityCode, Collection<ApplicationState> states, String expert,
            boolean submittedOnly, UUID batchId) {
    }

    public List<Application> list(Query q, int page, int size) {
        return jdbc.sql("select " + COLUMNS + " from application a" + where(q)
                        + " order by a.updated_at desc, a.id limit :limit offset :offset")
                .params(params(q)).param("limit", size).param("offset", (long) page * size)
                .query(this::map).list();
    }

    public long count(Query q) {
        return jdbc.sql("select count(*) from application a" + where(q)).params(params(q)).query(Long.class).single();
    }

    private static String where(Query q) {
        StringBuilder sql = new StringBuilder(" where true");
        if (q.uscc() != null) {
            sql.append(" and a.uscc = :uscc");
        }
        if (q.cityCode() != null) {
            sql.append(" and a.city_code = :city");
        }
        if (q.states() != null && !q.states().isEmpty()) {
            sql.append(" and a.state in (:states)");
        }
        if (q.expert() != null) {
            sql.append(" and exists (select 1 from expert_assignment e where e.application_id = a.id"
                    + " and e.round = a.round and e.expert = :expert)");
        }
        if (q.submittedOnly()) {
            sql.append(" and a.round > 0");
        }
        if (q.batchId() != null) {
            sql.append(" and a.batch_id = :batch");
        }
        return sql.toString();
    }

    private static java.util.Map<String, Object> params(Query q) {
        var params = new java.util.HashMap<String, Object>();
        if (q.uscc() != null) {
            params.put("uscc", q.uscc());
        }
        if (q.cityCode() != null) {
            params.put("city", q.cityCode());
        }
        if (q.states() != null && !q.states().isEmpty()) {
            params.put("states", q.states().stream().map(Enum::name).toList());
        }
        if (q.expert() != null) {
            params.put("expert", q.expert());
        }
        if (q.batchId() != null) {
            params.put("batch", q.batchId());
        }
        return params;
    }

    /** Applications whose publicity has ended, oldest first. */
    public List<UUID> publicityEndedBy(OffsetDateTime now, int limit) {
        return jdbc.sql("select id from application where state = 'PUBLICITY' and publicity_ends_at <= :now "
                        + "order by publicity_ends_at limit :limit")
                .param("now", now).param("limit", limit).query(UUID.class).list();
    }

    Application map(ResultSet rs, int n) throws SQLException {
        return new Application(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class),
                rs.getString("uscc"), rs.getString("owner"), ListingType.valueOf(rs.getString("type")),
                ApplicationState.valueOf(rs.getString("state")), rs.getInt("round"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("city_code"), rs.getString("industry_code"),
                json.readValue(rs.getString("subject"), Subject.class), rs.getBigDecimal("self_score"),
                json.readValue(rs.getString("indicators"), INDICATORS), rs.getString("evaluation_body"),
                rs.getString("evaluation_report"), rs.getBigDecimal("expert_mean"),
                Times.local(rs.getObject("publicity_starts_at", OffsetDateTime.class)),
                Times.local(rs.getObject("publicity_ends_at", OffsetDateTime.class)),
                rs.getObject("listing_id", UUID.class), rs.getString("certificate_number"),
                Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                Times.local(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
