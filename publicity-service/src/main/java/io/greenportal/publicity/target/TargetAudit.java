package io.greenportal.publicity.target;

import java.time.OffsetDateTime;
import java.util.List;

import io.greenportal.platform.web.PageParameters;
import io.greenportal.platform.web.Times;
import io.greenportal.platform.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * Who changed a plan target and when, as the database's trigger recorded it (V3 migration): every
 * creation, change and removal, by the API or anything else that writes {@code plan_target}.
 */
@Component
public class TargetAudit {

    private final JdbcClient jdbc;

    public TargetAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One recorded write: the target as it was before and after (null for a creation or removal). */
    public record Change(long id, long targetId, String action, String actor, OffsetDateTime at,
            @JsonRawValue String before, @JsonRawValue String after) {
    }

    /**
     * A recorded row as the API shows a target (its fields, camel-cased), with who last wrote it; the
     * row's bookkeeping (idempotency key and fingerprint) stays in the database.
     */
    private static String asTarget(String column) {
        return "case when " + column + " is null then null else jsonb_strip_nulls(jsonb_build_object("
                + "'id', " + column + "->'id', 'regionCode', " + column + "->'region_code', "
                + "'regionName', " + column + "->'region_name', 'type', " + column + "->'listing_type', "
                + "'level', " + column + "->'level', 'year', " + column + "->'year', "
                + "'cumulativeTarget', " + column + "->'cumulative_target', "
                + "'sourceDocument', " + column + "->'source_document', 'note', " + column + "->'note', "
                + "'updatedAt', " + column + "->'updated_at', 'updatedBy', " + column + "->'updated_by')) end";
    }

    public Page<Change> changes(Long targetId, PageParameters paging) {
        String where = targetId == null ? "" : " where target_id = :target";
        var items = jdbc.sql("select id, target_id, action, actor, at, " + asTarget("before") + " as before, "
                        + asTarget("after") + " as after from plan_target_audit" + where
                        + " order by id desc limit :limit offset :offset")
                .param("limit", paging.size()).param("offset", paging.offset());
        var count = jdbc.sql("select count(*) from plan_target_audit" + where);
        if (targetId != null) {
            items = items.param("target", targetId);
            count = count.param("target", targetId);
        }
        List<Change> changes = items.query((rs, n) -> new Change(rs.getLong("id"), rs.getLong("target_id"),
                rs.getString("action"), rs.getString("actor"), Times.local(rs.getObject("at", OffsetDateTime.class)),
                rs.getString("before"), rs.getString("after"))).list();
        return Page.of(changes, paging, count.query(Long.class).single());
    }
}
