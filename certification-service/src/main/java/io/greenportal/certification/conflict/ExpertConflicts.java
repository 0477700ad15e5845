package io.greenportal.certification.conflict;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import io.greenportal.certification.application.Application;
import io.greenportal.platform.creditcode.Uscc;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Page;
import io.greenportal.platform.web.PageParameters;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conflicts of interest experts declare (an enterprise, or an evaluation body, by credit code). An
 * expert is never assigned an application of an enterprise they declared, nor one evaluated by a body
 * they declared, and cannot score one after declaring. A declaration and an assignment of the same
 * expert serialize on a transaction-scoped advisory lock of the expert's name, so a declaration racing
 * an assignment is either seen by it or made after it (and then blocks the score).
 */
@Service
public class ExpertConflicts {

    public enum Kind {
        ENTERPRISE, BODY
    }

    public record Conflict(String expert, String creditCode, Kind kind, String note, OffsetDateTime declaredAt) {
    }

    public record DeclareRequest(String kind, String creditCode, String note) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public ExpertConflicts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Conflict declare(Caller expert, DeclareRequest request) {
        if (request == null) {
            throw ApiException.invalid("creditCode", "send kind (ENTERPRISE or BODY) and creditCode");
        }
        var violations = new java.util.ArrayList<ApiException.Violation>();
        Kind kind = null;
        try {
            kind = Kind.valueOf(String.valueOf(request.kind()).strip());
        } catch (IllegalArgumentException e) {
            violations.add(new ApiException.Violation("kind", "must be ENTERPRISE or BODY"));
        }
        String code = request.creditCode() == null ? null : Uscc.normalize(request.creditCode());
        String problem = Uscc.problem(code);
        if (problem != null) {
            violations.add(new ApiException.Violation("creditCode", problem));
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && (note.length() > 500 || note.chars().anyMatch(Character::isISOControl))) {
            violations.add(new ApiException.Violation("note", "must be at most 500 characters without control characters"));
        }
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations); // every bad field at once
        }
        lock(List.of(expert.username()));
        jdbc.sql("""
                insert into expert_conflict (expert, credit_code, kind, note, declared_at)
                values (:expert, :code, :kind, :note, :at) on conflict (expert, credit_code) do nothing""")
                .param("expert", expert.username()).param("code", code).param("kind", kind.name()).param("note", note)
                .param("at", Times.now(clock)).update();
        return jdbc.sql(SELECT + "where expert = :expert and credit_code = :code").param("expert", expert.username())
                .param("code", code).query(ExpertConflicts::map).single();
    }

    /** Declared conflicts (of one expert, or everyone's when {@code expert} is null), one page with the total. */
    public Page<Conflict> list(String expert, PageParameters paging) {
        String where = expert == null ? "" : "where expert = :expert ";
        var params = new java.util.HashMap<String, Object>();
        if (expert != null) {
            params.put("expert", expert);
        }
        long total = jdbc.sql("select count(*) from expert_conflict " + where).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        return Page.of(jdbc.sql(SELECT + where + "order by expert, declared_at, credit_code limit :limit offset :offset")
                .params(params).query(ExpertConflicts::map).list(), paging, total);
    }

    private static final String SELECT = "select expert, credit_code, kind, note, declared_at from expert_conflict ";

    private static Conflict map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Conflict(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                Times.local(rs.getObject(5, OffsetDateTime.class)));
    }

    /**
     * Refuses (409 {@code conflict-of-interest}, field {@code experts}, naming them in
     * {@code conflictedExperts}) to assign experts who declared the application's enterprise or the
     * body whose engagement is in force. Inside the assigning transaction, with the application locked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refuseConflicted(Application application, Collection<String> experts) {
        if (experts.isEmpty()) {
            return;
        }
        lock(experts);
        List<String> conflicted = conflicted(application, experts);
        if (!conflicted.isEmpty()) {
            throw ApiException.conflict("conflict-of-interest", "experts", "These experts declared a conflict of interest "
                    + "with the enterprise or its evaluation body: " + String.join(", ", conflicted))
                    .withProperty("conflictedExperts", conflicted);
        }
    }

    /** Whether {@code expert} declared the application's enterprise or its evaluation body. */
    public boolean isConflicted(Application application, String expert) {
        return !conflicted(application, List.of(expert)).isEmpty();
    }

    private List<String> conflicted(Application application, Collection<String> experts) {
        return jdbc.sql("""
                select distinct c.expert from expert_conflict c
                where c.expert in (:experts)
                  and (c.credit_code = :uscc
                       or c.credit_code in (select b.credit_code from engagement e join evaluation_body b on b.id = e.body_id
                                            where e.application_id = :app and e.status in ('REQUESTED', 'CONFIRMED')))
                order by c.expert""")
                .param("experts", List.copyOf(experts)).param("uscc", application.uscc()).param("app", application.id())
                .query(String.class).list();
    }

    private void lock(Collection<String> experts) {
        experts.stream().sorted().forEach(e -> jdbc.sql("select pg_advisory_xact_lock(hashtext('expert-conflict:' || :e))")
                .param("e", e).query((rs, n) -> 1).single());
    }
}
