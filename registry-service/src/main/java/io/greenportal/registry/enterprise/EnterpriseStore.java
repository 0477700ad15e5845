package io.greenportal.registry.enterprise;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.greenportal.platform.creditcode.DivisionCodes;
import io.greenportal.platform.web.Times;
import io.greenportal.registry.listing.EnterpriseRef;
import io.greenportal.registry.listing.ListingRequest;
import io.greenportal.registry.reference.Industries;
import io.greenportal.registry.reference.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enterprises and the history of their names, in PostgreSQL. */
@Repository
public class EnterpriseStore {

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Industries industries;

    public EnterpriseStore(JdbcClient jdbc, Regions regions, Industries industries) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.industries = industries;
    }

    /** Creates the enterprise unless it is known; an existing enterprise keeps its current data. */
    public void createIfAbsent(String uscc, String name, String regionCode, String industryCode, OffsetDateTime at,
            String actor) {
        int created = jdbc.sql("""
                insert into enterprise (uscc, name, region_code, industry_code, created_at, updated_at)
                values (:uscc, :name, :region, :industry, :at, :at) on conflict (uscc) do nothing""")
                .param("uscc", uscc).param("name", name).param("region", regionCode).param("industry", industryCode)
                .param("at", at).update();
        if (created == 1) {
            jdbc.sql("insert into enterprise_name (uscc, name, valid_from, changed_by) values (:uscc, :name, :at, :actor)")
                    .param("uscc", uscc).param("name", name).param("at", at).param("actor", actor).update();
        }
    }

    /** As {@link #createIfAbsent} for many enterprises at once (imports): two statements in all. */
    public void createAllIfAbsent(List<ListingRequest.EnterpriseInput> inputs, OffsetDateTime at, String actor) {
        var unique = new java.util.LinkedHashMap<String, ListingRequest.EnterpriseInput>();
        inputs.forEach(e -> unique.putIfAbsent(e.uscc(), e));
        if (unique.isEmpty()) {
            return;
        }
        var list = List.copyOf(unique.values());
        List<String> created = jdbc.sql("""
                insert into enterprise (uscc, name, region_code, industry_code, created_at, updated_at)
                select u, n, r, i, :at, :at from unnest(cast(:usccs as text[]), cast(:names as text[]),
                  cast(:regions as text[]), cast(:industries as text[])) as t(u, n, r, i)
                on conflict (uscc) do nothing returning uscc""")
                .param("usccs", list.stream().map(ListingRequest.EnterpriseInput::uscc).toArray(String[]::new))
                .param("names", list.stream().map(ListingRequest.EnterpriseInput::name).toArray(String[]::new))
                .param("regions", list.stream().map(ListingRequest.EnterpriseInput::regionCode).toArray(String[]::new))
                .param("industries", list.stream().map(ListingRequest.EnterpriseInput::industryCode).toArray(String[]::new))
                .param("at", at).query(String.class).list();
        if (!created.isEmpty()) {
            jdbc.sql("""
                    insert into enterprise_name (uscc, name, valid_from, changed_by)
                    select uscc, name, :at, :actor from enterprise where uscc = any(cast(:created as text[]))""")
                    .param("created", created.toArray(String[]::new)).param("at", at).param("actor", actor).update();
        }
    }

    /**
     * An enterprise has borne its first name at least since its earliest listing took effect (an
     * imported list records firms years after they were granted): the first name period starts
     * then, not when the registry first recorded the firm, so an answer as of a past day names it.
     */
    public void bearsFirstNameSince(java.util.Map<String, OffsetDateTime> effective) {
        if (effective.isEmpty()) {
            return;
        }
        var entries = List.copyOf(effective.entrySet());
        jdbc.sql("""
                update enterprise_name n set valid_from = t.since
                from (select u as uscc, cast(s as timestamptz) as since
                      from unnest(cast(:usccs as text[]), cast(:since as text[])) as x(u, s)) t
                where n.uscc = t.uscc and n.valid_from > t.since
                  and n.valid_from = (select min(f.valid_from) from enterprise_name f where f.uscc = n.uscc)""")
                .param("usccs", entries.stream().map(java.util.Map.Entry::getKey).toArray(String[]::new))
                .param("since", entries.stream().map(e -> e.getValue().toString()).toArray(String[]::new))
                .update();
    }

    public java.util.Map<String, EnterpriseRef> findAll(java.util.Collection<String> usccs) {
        var refs = new java.util.HashMap<String, EnterpriseRef>();
        if (usccs.isEmpty()) {
            return refs;
        }
        jdbc.sql("select uscc, name, region_code, industry_code from enterprise where uscc = any(cast(:usccs as text[]))")
                .param("usccs", usccs.toArray(String[]::new))
                .query((rs, n) -> ref(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list().forEach(r -> refs.put(r.uscc(), r));
        return refs;
    }

    public Optional<EnterpriseRef> find(String uscc) {
        return jdbc.sql("select uscc, name, region_code, industry_code from enterprise where uscc = :uscc")
                .param("uscc", uscc)
                .query((rs, n) -> ref(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Renames the enterprise, closing the previous name's period. Returns false when unknown. */
    public boolean rename(String uscc, String newName, OffsetDateTime at, String actor) {
        int updated = jdbc.sql("update enterprise set name = :name, updated_at = :at where uscc = :uscc")
                .param("name", newName).param("at", at).param("uscc", uscc).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("update enterprise_name set valid_to = :at where uscc = :uscc and valid_to is null")
                .param("at", at).param("uscc", uscc).update();
        jdbc.sql("insert into enterprise_name (uscc, name, valid_from, changed_by) values (:uscc, :name, :at, :actor)")
                .param("uscc", uscc).param("name", newName).param("at", at).param("actor", actor).update();
        return true;
    }

    public record NamePeriod(String name, OffsetDateTime validFrom, OffsetDateTime validTo, String changedBy) {
    }

    /**
     * The names as they stood at the end of {@code day}: the periods begun by then, the one current
     * then still open.
     */
    public List<NamePeriod> nameHistory(String uscc, java.time.LocalDate day) {
        OffsetDateTime end = Times.endOf(day);
        return nameHistory(uscc).stream().filter(n -> n.validFrom().isBefore(end))
                .map(n -> n.validTo() == null || n.validTo().isBefore(end) ? n
                        : new NamePeriod(n.name(), n.validFrom(), null, n.changedBy()))
                .toList();
    }

    public List<NamePeriod> nameHistory(String uscc) {
        return jdbc.sql("select name, valid_from, valid_to, changed_by from enterprise_name where uscc = :uscc order by valid_from")
                .param("uscc", uscc)
                .query((rs, n) -> new NamePeriod(rs.getString(1), Times.local(rs.getObject(2, OffsetDateTime.class)),
                        Times.local(rs.getObject(3, OffsetDateTime.class)), rs.getString(4)))
                .list();
    }

    public EnterpriseRef ref(String uscc, String name, String regionCode, String industryCode) {
        String region = regionCode.trim();
        return new EnterpriseRef(uscc.trim(), name, region, regions.name(region).orElse(region), DivisionCodes.cityOf(region),
                DivisionCodes.provinceOf(region), industryCode, industries.name(industryCode).orElse(industryCode));
    }
}
