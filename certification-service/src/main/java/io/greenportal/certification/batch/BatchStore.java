package io.greenportal.certification.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.greenportal.certification.application.ListingType;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BatchStore {

    private static final String COLUMNS = "id, name, year, types, opens_at, deadline, publicity_days, pass_mark, "
            + "min_experts, created_by, created_at";

    private final JdbcClient jdbc;

    public BatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Batch b, boolean openedNotified) {
        jdbc.sql("""
                insert into batch (id, name, year, types, opens_at, deadline, publicity_days, pass_mark, min_experts,
                                   opened_notified, created_by, created_at)
                values (:id, :name, :year, :types, :opens, :deadline, :days, :pass, :min, :notified, :by, :at)""")
                .param("id", b.id()).param("name", b.name()).param("year", b.year())
                .param("types", b.types().stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("opens", b.opensAt()).param("deadline", b.deadline()).param("days", b.publicityDays())
                .param("pass", b.passMark()).param("min", b.minExperts()).param("notified", openedNotified)
                .param("by", b.createdBy()).param("at", b.createdAt())
                .update();
    }

    public Optional<Batch> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from batch where id = :id").param("id", id)
                .query(BatchStore::map).optional();
    }

    public List<Batch> list(OffsetDateTime openAt, int limit) {
        if (openAt != null) {
            return jdbc.sql("select " + COLUMNS + " from batch where opens_at <= :now and deadline >= :now "
                            + "order by deadline, name limit :limit")
                    .param("now", openAt).param("limit", limit).query(BatchStore::map).list();
        }
        return jdbc.sql("select " + COLUMNS + " from batch order by opens_at desc, name limit :limit")
                .param("limit", limit).query(BatchStore::map).list();
    }

    /** Batches whose opening has passed but was not yet announced, locked for the announcing transaction. */
    public List<Batch> lockUnannouncedOpenedBy(OffsetDateTime now) {
        return jdbc.sql("select " + COLUMNS + " from batch where not opened_notified and opens_at <= :now "
                        + "order by opens_at for update skip locked")
                .param("now", now).query(BatchStore::map).list();
    }

    public void markAnnounced(UUID id) {
        jdbc.sql("update batch set opened_notified = true where id = :id").param("id", id).update();
    }

    static Batch map(ResultSet rs, int n) throws SQLException {
        return new Batch(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("year"),
                Arrays.stream(rs.getString("types").split(",")).map(ListingType::valueOf).toList(),
                Times.local(rs.getObject("opens_at", OffsetDateTime.class)),
                Times.local(rs.getObject("deadline", OffsetDateTime.class)), rs.getInt("publicity_days"),
                rs.getBigDecimal("pass_mark"), rs.getInt("min_experts"), rs.getString("created_by"),
                Times.local(rs.getObject("created_at", OffsetDateTime.class)));
    }
}
