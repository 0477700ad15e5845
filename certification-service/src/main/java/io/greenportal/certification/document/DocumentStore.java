package io.greenportal.certification.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DocumentStore {

    private static final String META = "id, application_id, round, kind, file_name, size_bytes, sha256, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    public DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Document d, byte[] content) {
        jdbc.sql("""
                insert into document (id, application_id, round, kind, file_name, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (:id, :app, :round, :kind, :name, :size, :sha, :content, :by, :at)""")
                .param("id", d.id()).param("app", d.applicationId()).param("round", d.round())
                .param("kind", d.kind().name()).param("name", d.fileName()).param("size", d.sizeBytes())
                .param("sha", d.sha256()).param("content", content).param("by", d.uploadedBy())
                .param("at", d.uploadedAt())
                .update();
    }

    public List<Document> list(UUID applicationId) {
        return jdbc.sql("select " + META + " from document where application_id = :app order by uploaded_at, id")
                .param("app", applicationId).query(DocumentStore::map).list();
    }

    public Optional<Document> find(UUID applicationId, UUID id) {
        return jdbc.sql("select " + META + " from document where application_id = :app and id = :id")
                .param("app", applicationId).param("id", id).query(DocumentStore::map).optional();
    }

    public byte[] content(UUID id) {
        return jdbc.sql("select content from document where id = :id").param("id", id).query(byte[].class).single();
    }

    public void delete(UUID id) {
        jdbc.sql("delete from document where id = :id").param("id", id).update();
    }

    public int count(UUID applicationId, int round) {
        return jdbc.sql("select count(*) from document where application_id = :app and round = :round")
                .param("app", applicationId).param("round", round).query(Integer.class).single();
    }

    public boolean hasKind(UUID applicationId, DocumentKind kind) {
        return jdbc.sql("select exists (select 1 from document where application_id = :app and kind = :kind)")
                .param("app", applicationId).param("kind", kind.name()).query(Boolean.class).single();
    }

    static Document map(ResultSet rs, int n) throws SQLException {
        return new Document(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getInt("round"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                Times.local(rs.getObject("uploaded_at", OffsetDateTime.class)));
    }
}
