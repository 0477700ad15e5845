package io.greenportal.publicity.target;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plan targets in PostgreSQL ({@code plan_target}). One target per region × type × level × year
 * (the unique index {@code plan_target_identity}, where "no level" is a level of its own).
 * Every write is a single statement, so a refused one leaves nothing behind.
 */
@Repository
public class TargetStore {

    private final JdbcClient jdbc;

    public TargetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Targets in the region (a province or city code includes everything under it) and of the type, if given. */
    public List<Target> list(String region, String type) {
        StringBuilder sql = new StringBuilder("select * from plan_target where true");
        if (region != null) {
            sql.append(" and region_code like :prefix");
        }
        if (type != null) {
            sql.append(" and listing_type = :type");
        }
        sql.append(" order by region_code, listing_type, coalesce(level, ''), year, id");
        var statement = jdbc.sql(sql.toString());
        if (region != null) {
            statement = statement.param("prefix", prefixOf(region) + "%");
        }
        if (type != null) {
            statement = statement.param("type", type);
        }
        return statement.query(this::map).list();
    }

    /** The digits shared by every code under this one: "64" for 640000, "6401" for 640100. */
    static String prefixOf(String region) {
        if (region.endsWith("0000")) {
            return region.substring(0, 2);
        }
        if (region.endsWith("00")) {
            return region.substring(0, 4);
        }
        return region;
    }

    public Optional<Target> find(long id) {
        return jdbc.sql("select * from plan_target where id = :id").param("id", id).query(this::map).optional();
    }

    /** The target created under this key, and whether {@code fingerprint} is the request that created it. */
    public Optional<IdempotencyKeys.Stored<Target>> findByIdempotencyKey(String key, String fingerprint) {
        return jdbc.sql("select *, " + IdempotencyKeys.sameRequestColumn("idempotency_fingerprint") + " from plan_target "
                + "where idempotency_key = :key").param("key", key).param("fp", fingerprint)
                .query((rs, n) -> IdempotencyKeys.stored(map(rs, n), rs)).optional();
    }

    /** The target with the same region, type, level and year, if there is one. */
    public Optional<Target> findSame(TargetRules.Valid v) {
        return jdbc.sql("""
                select * from plan_target where region_code = :region and listing_type = :type
                  and coalesce(level, '') = coalesce(:level, '') and year = :year""")
                .param("region", v.regionCode()).param("type", v.type()).param("level", v.level(), java.sql.Types.VARCHAR)
                .param("year", v.year()).query(this::map).optional();
    }

    /** Inserts the target; empty if it collides with another (same identity or same idempotency key). */
    public Optional<Target> insert(TargetRules.Valid v, String idempotencyKey, String fingerprint, String actor,
            OffsetDateTime now) {
        return jdbc.sql("""
                insert into plan_target (region_code, region_name, listing_type, level, year, cumulative_target,
                  source_document, note, idempotency_key, idempotency_fingerprint, updated_at, updated_by)
                values (:region, :regionName, :type, :level, :year, :target, :source, :note, :key, :fp, :now, :actor)
                on conflict do nothing
                returning *""")
                .param("region", v.regionCode()).param("regionName", v.regionName()).param("type", v.type())
                .param("level", v.level(), java.sql.Types.VARCHAR).param("year", v.year())
                .param("target", v.cumulativeTarget()).param("source", v.sourceDocument())
                .param("note", v.note(), java.sql.Types.VARCHAR).param("key", idempotencyKey, java.sql.Types.VARCHAR)
                .param("fp", fingerprint, java.sql.Types.VARCHAR).param("now", now).param("actor", actor).query(this::map).optional();
    }

    /** Replaces the target's fields; empty if there is no such target. Throws DuplicateKeyException on a collision. */
    public Optional<Target> update(long id, TargetRules.Valid v, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                update plan_target set region_code = :region, region_name = :regionName, listing_type = :type,
                  level = :level, year = :year, cumulative_target = :target, source_document = :source, note = :note,
                  updated_at = :now, updated_by = :actor
                where id = :id
                returning *""")
                .param("id", id).param("region", v.regionCode()).param("regionName", v.regionName())
                .param("type", v.type()).param("level", v.level(), java.sql.Types.VARCHAR).param("year", v.year())
                .param("target", v.cumulativeTarget()).param("source", v.sourceDocument())
                .param("note", v.note(), java.sql.Types.VARCHAR).param("now", now).param("actor", actor)
                .query(this::map).optional();
    }

    /** Deletes the target; the audit trigger records {@code actor} (a setting of this statement's transaction). */
    public boolean delete(long id, String actor) {
        return jdbc.sql("""
                with named as (select set_config('greenportal.actor', :actor, true) as actor)
                delete from plan_target where id = :id and exists (select 1 from named)""")
                .param("id", id).param("actor", actor).update() == 1;
    }

    private Target map(ResultSet rs, int n) throws SQLException {
        return new Target(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
                rs.getString("listing_type"), rs.getString("level"), rs.getInt("year"), rs.getInt("cumulative_target"),
                rs.getString("source_document"), rs.getString("note"),
                Times.local(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
