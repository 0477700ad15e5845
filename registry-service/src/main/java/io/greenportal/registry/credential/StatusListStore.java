package io.greenportal.registry.credential;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;
import io.greenportal.registry.listing.ListingStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Listings' places in the status lists and every published list version. */
@Repository
public class StatusListStore {

    private final JdbcClient jdbc;

    public StatusListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Integer> position(UUID listingId) {
        return jdbc.sql("select position from credential_status_position where listing_id = :id").param("id", listingId)
                .query(Integer.class).optional();
    }

    /** Claims a place; false when the listing already has one or the place is taken. */
    public boolean claim(UUID listingId, int position) {
        return jdbc.sql("insert into credential_status_position (listing_id, position) values (:id, :position) "
                + "on conflict do nothing").param("id", listingId).param("position", position).update() == 1;
    }

    public int count() {
        return jdbc.sql("select count(*) from credential_status_position").query(Integer.class).single();
    }

    /** The places of listings whose current status is {@code status}. */
    public List<Integer> positionsWithStatus(ListingStatus status) {
        return jdbc.sql("""
                select p.position from credential_status_position p join listing l on l.id = p.listing_id
                where l.status = :status""").param("status", status.name()).query(Integer.class).list();
    }

    /** Serializes publishers of all replicas until the transaction ends. */
    public void lockPublishing() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('status_list_version'))").query(Object.class).optional();
    }

    public Optional<StatusListVersion> latest(StatusPurpose purpose) {
        return jdbc.sql("""
                select version, bits, credential, issued_at from status_list_version where purpose = :purpose
                order by version desc limit 1""").param("purpose", purpose.value())
                .query((rs, n) -> new StatusListVersion(purpose, rs.getInt(1), Bitstring.of(rs.getBytes(2)), rs.getString(3),
                        Times.local(rs.getObject(4, OffsetDateTime.class)))).optional();
    }

    public Optional<StatusListVersion> version(StatusPurpose purpose, int version) {
        return jdbc.sql("""
                select version, bits, credential, issued_at from status_list_version
                where purpose = :purpose and version = :version""").param("purpose", purpose.value()).param("version", version)
                .query((rs, n) -> new StatusListVersion(purpose, rs.getInt(1), Bitstring.of(rs.getBytes(2)), rs.getString(3),
                        Times.local(rs.getObject(4, OffsetDateTime.class)))).optional();
    }

    public void insert(StatusListVersion v) {
        jdbc.sql("""
                insert into status_list_version (purpose, version, bits, credential, issued_at)
                values (:purpose, :version, :bits, :credential, :issued)""")
                .param("purpose", v.purpose().value()).param("version", v.version()).param("bits", v.bits().bytes())
                .param("credential", v.credential()).param("issued", v.issuedAt()).update();
    }
}
