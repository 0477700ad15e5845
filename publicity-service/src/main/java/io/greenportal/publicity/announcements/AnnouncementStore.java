package io.greenportal.publicity.announcements;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Announcements in PostgreSQL, newest first; inserting one a second time does nothing. */
@Repository
public class AnnouncementStore {

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AnnouncementStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Collection<Announcement> announcements) {
        for (Announcement a : announcements) {
            jdbc.sql("""
                    insert into feed_entry (source, source_sequence, kind, occurred_at, listing_id, title, summary, data)
                    values (:source, :seq, :kind, :at, :listing, :title, :summary, cast(:data as jsonb))
                    on conflict (source, source_sequence) do nothing""")
                    .param("source", a.source().name()).param("seq", a.sourceSequence()).param("kind", a.kind().name())
                    .param("at", a.occurredAt()).param("listing", a.listingId()).param("title", a.title())
                    .param("summary", a.summary()).param("data", json.writeValueAsString(a.data()))
                    .update();
        }
    }

    public List<Announcement> latest(int limit) {
        return jdbc.sql("""
                select id, source, source_sequence, kind, occurred_at, listing_id, title, summary, data from feed_entry
                order by occurred_at desc, id desc limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new Announcement(rs.getLong(1), Announcement.Source.valueOf(rs.getString(2)),
                        rs.getLong(3), Announcement.Kind.valueOf(rs.getString(4)),
                        Times.local(rs.getObject(5, OffsetDateTime.class)), rs.getString(6), rs.getString(7),
                        rs.getString(8), json.readValue(rs.getString(9), DATA)))
                .list();
    }

    /** The newest entry's id and when the newest entry was recorded: what a feed's Last-Modified is. */
    public record Version(long maxId, long count, OffsetDateTime lastRecorded) {
    }

    public Version version() {
        return jdbc.sql("select coalesce(max(id), 0), count(*), max(created_at) from feed_entry")
                .query((rs, n) -> new Version(rs.getLong(1), rs.getLong(2),
                        Times.local(rs.getObject(3, OffsetDateTime.class))))
                .single();
    }

    public int countForListing(String listingId, Announcement.Kind kind) {
        return jdbc.sql("select count(*) from feed_entry where listing_id = :listing and kind = :kind")
                .param("listing", listingId).param("kind", kind.name()).query(Integer.class).single();
    }
}
