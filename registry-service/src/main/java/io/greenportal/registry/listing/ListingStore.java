package io.greenportal.registry.listing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.creditcode.DivisionCodes;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Times;
import io.greenportal.registry.enterprise.EnterpriseStore;
import io.greenportal.registry.reference.Regions;
import io.greenportal.platform.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Listings in PostgreSQL: the current state of each; history lives in the change log. */
@Repository
public class ListingStore {

    private static final String SELECT = """
            select l.*, e.name as enterprise_name, e.region_code, e.industry_code
            from listing l join enterprise e on e.uscc = l.uscc""";
    private static final TypeReference<List<Indicator>> INDICATORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch;
    private final JsonMapper json;
    private final EnterpriseStore enterprises;

    public ListingStore(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate batch,
            JsonMapper json, EnterpriseStore enterprises) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.enterprises = enterprises;
    }

    private static final String INSERT = """
            insert into listing (id, type, level, uscc, site_name, park_name, product_name, product_model,
              product_category, evaluation_standard, year, batch, certificate_number, certificate_number_assigned,
              indicators, status,
              status_reason, status_changed_at, status_changed_by, granted_on, source, source_ref, request_id,
              request_fingerprint, created_at, created_by)
            values (:id, :type, :level, :uscc, :site, :park, :product, :model, :category, :standard, :year, :batch,
              :certificate, :assigned, cast(:indicators as jsonb), :status, :reason, :changedAt, :changedBy, :grantedOn,
              :source, :sourceRef, :requestId, :fingerprint, :createdAt, :createdBy)""";

    public void insert(Listing listing, String requestId, String fingerprint) {
        batch.update(INSERT, row(listing, requestId, fingerprint));
    }

    /** Inserts many listings in one batch (imports). */
    public void insertAll(List<Listing> listings) {
        batch.batchUpdate(INSERT, listings.stream().map(l -> row(l, null, null))
                .toArray(org.springframework.jdbc.core.namedparam.SqlParameterSource[]::new));
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource row(Listing listing, String requestId,
            String fingerprint) {
        Subject s = listing.subject();
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", listing.id()).addValue("type", listing.type().name()).addValue("level", listing.level().name())
                .addValue("uscc", listing.enterprise().uscc()).addValue("site", s.siteName()).addValue("park", s.parkName())
                .addValue("product", s.productName()).addValue("model", s.productModel())
                .addValue("category", s.productCategory()).addValue("standard", s.evaluationStandard())
                .addValue("year", listing.year()).addValue("batch", listing.batch())
                .addValue("certificate", listing.certificateNumber())
                .addValue("assigned", listing.certificateNumberAssigned())
                .addValue("indicators", json.writeValueAsString(listing.indicators()))
                .addValue("status", listing.status().name()).addValue("reason", listing.statusReason())
                .addValue("changedAt", listing.statusChangedAt()).addValue("changedBy", listing.statusChangedBy())
                .addValue("grantedOn", listing.grantedOn()).addValue("source", listing.source())
                .addValue("sourceRef", listing.sourceRef()).addValue("requestId", requestId)
                .addValue("fingerprint", fingerprint)
                .addValue("createdAt", listing.createdAt()).addValue("createdBy", listing.statusChangedBy());
    }

    public void updateStatus(UUID id, ListingStatus status, String reason, OffsetDateTime at, String actor) {
        jdbc.sql("""
                update listing set status = :status, status_reason = :reason, status_changed_at = :at,
                  status_changed_by = :actor where id = :id""")
                .param("status", status.name()).param("reason", reason).param("at", at).param("actor", actor)
                .param("id", id).update();
    }

    /** The listing becomes NATIONAL with the national number and date; the provincial number is kept aside. */
    public void upgradeToNational(UUID id, String nationalNumber, java.time.LocalDate nationalOn) {
        jdbc.sql("update listing set level = 'NATIONAL', provincial_certificate_number = certificate_number, "
                        + "certificate_number = :number, certificate_number_assigned = false, granted_on = :on where id = :id")
                .param("number", nationalNumber).param("on", nationalOn).param("id", id).update();
    }

    public Optional<Listing> find(UUID id) {
        return jdbc.sql(SELECT + " where l.id = :id").param("id", id).query(this::map).optional();
    }

    /** Locks the listing's row for a status change. */
    public Optional<Listing> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where l.id = :id for update of l").param("id", id).query(this::map).optional();
    }

    /** The listing created under this request id, and whether {@code fingerprint} is the request that created it. */
    public Optional<IdempotencyKeys.Stored<Listing>> findByRequestId(String requestId, String fingerprint) {
        return jdbc.sql("select l.*, e.name as enterprise_name, e.region_code, e.industry_code, "
                + IdempotencyKeys.sameRequestColumn("l.request_fingerprint")
                + " from listing l join enterprise e on e.uscc = l.uscc where l.request_id = :requestId")
                .param("requestId", requestId).param("fp", fingerprint)
                .query((rs, row) -> IdempotencyKeys.stored(map(rs, row), rs)).optional();
    }

    /** Whether a listing holds this number, whatever the case of its letters. */
    public boolean certificateNumberExists(String certificateNumber) {
        return jdbc.sql("select count(*) from listing where upper(certificate_number) = upper(:n)")
                .param("n", certificateNumber).query(Integer.class).single() > 0;
    }

    /** Which of these certificate numbers are taken already, whatever the case of their letters: upper-cased. */
    public List<String> existingCertificateNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select upper(certificate_number) from listing where upper(certificate_number) in (:numbers)")
                .param("numbers", numbers.stream().map(n -> n.toUpperCase(java.util.Locale.ROOT)).toList())
                .query(String.class).list();
    }

    /** The natural keys (see {@link #naturalKey}) of every listing these enterprises hold, in one query. */
    public java.util.Set<String> naturalKeysOf(Collection<String> usccs) {
        var keys = new java.util.HashSet<String>();
        if (usccs.isEmpty()) {
            return keys;
        }
        jdbc.sql("""
                select uscc, type, level, year, site_name, park_name, product_name, product_model from listing
                where uscc = any(cast(:usccs as text[]))""")
                .param("usccs", usccs.toArray(String[]::new))
                .query(rs -> {
                    keys.add(naturalKey(rs.getString(1), ListingType.valueOf(rs.getString(2)), Level.valueOf(rs.getString(3)),
                            rs.getInt(4), new Subject(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                    null, null)));
                });
        return keys;
    }

    public static String naturalKey(String uscc, ListingType type, Level level, int year, Subject subject) {
        return String.join("|", uscc, type.name(), level.name(), Integer.toString(year), nz(subject.siteName()),
                nz(subject.parkName()), nz(subject.productName()), nz(subject.productModel()));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    public List<Listing> findByUscc(String uscc) {
        return jdbc.sql(SELECT + " where l.uscc = :uscc order by l.year desc, l.certificate_number")
                .param("uscc", uscc).query(this::map).list();
    }

    /** An enterprise with its listings, as a look-up by credit code answers it. */
    public record Holder(EnterpriseRef enterprise, List<Listing> listings) {
    }

    /**
     * The enterprises with these credit codes and all their listings, in one query: the current
     * state, or (with {@code before}) each listing as it stood just before that instant.
     */
    public Map<String, Holder> lookup(Collection<String> usccs, OffsetDateTime before) {
        Map<String, Holder> holders = new HashMap<>();
        if (usccs.isEmpty()) {
            return holders;
        }
        if (before == null) {
            jdbc.sql("""
                    select l.*, e.uscc as holder_uscc, e.name as enterprise_name, e.region_code, e.industry_code
                    from enterprise e left join listing l on l.uscc = e.uscc
                    where e.uscc in (:usccs) order by l.year desc, l.certificate_number""")
                    .param("usccs", usccs)
                    .query(rs -> {
                        Holder holder = holders.computeIfAbsent(rs.getString("holder_uscc"), u -> new Holder(
                                enterprises.ref(u, safe(rs, "enterprise_name"), safe(rs, "region_code"),
                                        safe(rs, "industry_code")), new ArrayList<>()));
                        if (rs.getObject("id") != null) {
                            holder.listings().add(map(rs, 0));
                        }
                    });
        } else {
            jdbc.sql("""
                    select e.uscc, e.name, e.region_code, e.industry_code, s.snapshot from enterprise e
                    left join lateral (
                      select distinct on (c.listing_id) c.snapshot from change_log c join listing l on l.id = c.listing_id
                      where l.uscc = e.uscc and c.effective_at < :before
                      order by c.listing_id, c.effective_at desc, c.sequence desc) s on true
                    where e.uscc in (:usccs)""")
                    .param("usccs", usccs).param("before", before)
                    .query(rs -> {
                        Holder holder = holders.computeIfAbsent(rs.getString(1), u -> new Holder(
                                enterprises.ref(u, safe(rs, "name"), safe(rs, "region_code"), safe(rs, "industry_code")),
                                new ArrayList<>()));
                        if (rs.getString("snapshot") != null) {
                            holder.listings().add(json.readValue(rs.getString("snapshot"), Listing.class));
                        }
                    });
        }
        return holders;
    }

    private static String safe(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Filter(ListingType type, Level level, String regionCode, String industryCode, Integer year,
            ListingStatus status, String uscc) {
    }

    public Page<Listing> search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (filter.type() != null) {
            where.append(" and l.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.level() != null) {
            where.append(" and l.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.regionCode() != null) {
            where.append(" and e.region_code like :region");
            params.put("region", DivisionCodes.prefixOf(filter.regionCode()) + "%");
        }
        if (filter.industryCode() != null) {
            where.append(" and e.industry_code = :industry");
            params.put("industry", filter.industryCode());
        }
        if (filter.year() != null) {
            where.append(" and l.year = :year");
            params.put("year", filter.year());
        }
        if (filter.status() != null) {
            where.append(" and l.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.uscc() != null) {
            where.append(" and l.uscc = :uscc");
            params.put("uscc", filter.uscc());
        }
        long total = jdbc.sql("select count(*) from listing l join enterprise e on e.uscc = l.uscc" + where)
                .params(params).query(Long.class).single();
        List<Listing> items = jdbc.sql(SELECT + where + " order by l.year desc, l.certificate_number limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query(this::map).list();
        return new Page<>(items, page, size, total);
    }

    /** Every listing of an enterprise whose data must be republished (e.g. after a rename). */
    public List<UUID> idsOf(String uscc) {
        return jdbc.sql("select id from listing where uscc = :uscc").param("uscc", uscc).query(UUID.class).list();
    }

    private Listing map(ResultSet rs, int row) throws SQLException {
        var enterprise = enterprises.ref(rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region_code"), rs.getString("industry_code"));
        var subject = new Subject(rs.getString("site_name"), rs.getString("park_name"), rs.getString("product_name"),
                rs.getString("product_model"), rs.getString("product_category"), rs.getString("evaluation_standard"));
        return new Listing(rs.getObject("id", UUID.class), ListingType.valueOf(rs.getString("type")),
                Level.valueOf(rs.getString("level")), enterprise, subject, rs.getInt("year"), rs.getString("batch"),
                rs.getString("certificate_number"), rs.getBoolean("certificate_number_assigned"), json.readValue(rs.getString("indicators"), INDICATORS),
                ListingStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                Times.local(rs.getObject("status_changed_at", OffsetDateTime.class)), rs.getString("status_changed_by"),
                rs.getObject("granted_on", LocalDate.class), Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getString("source"), rs.getString("source_ref"), null);
    }
}
