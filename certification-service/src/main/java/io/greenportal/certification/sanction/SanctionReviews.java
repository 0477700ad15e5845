package io.greenportal.certification.sanction;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.outbox.RegistryOutbox;
import io.greenportal.certification.registration.ListingsInForce;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;
import io.greenportal.platform.web.Page;
import io.greenportal.platform.web.PageParameters;
import io.greenportal.platform.web.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review tasks a sanction leaves for approved listings: a provincial reviewer decides KEEP, SUSPEND
 * or REVOKE with a comment (due process: nothing happens to the listing before). SUSPEND and REVOKE
 * reach the registry through the registry outbox, after commit.
 */
@Service
public class SanctionReviews {

    public record Task(UUID id, UUID bodyId, String bodyName, UUID applicationId, UUID listingId, String enterpriseName,
            String status, String outcome, String comment, String decidedBy, OffsetDateTime decidedAt,
            OffsetDateTime createdAt) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "SanctionDecisionRequest")
    public record DecisionRequest(String outcome, String comment) {
    }

    private final JdbcClient jdbc;
    private final RegistryOutbox registry;
    private final ListingsInForce listings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SanctionReviews(JdbcClient jdbc, RegistryOutbox registry, ListingsInForce listings,
            TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.listings = listings;
        this.transactions = transactions;
        this.clock = clock;
    }

    private static final String SELECT = """
            select t.id, t.body_id, b.name as body_name, t.application_id, t.listing_id, a.enterprise_name, t.status,
                   t.outcome, t.comment, t.decided_by, t.decided_at, t.created_at
            from sanction_review t join evaluation_body b on b.id = t.body_id join application a on a.id = t.application_id""";

    /** Review tasks, oldest first, one page at a time with the total. */
    public Page<Task> list(String status, PageParameters paging) {
        if (status != null && !List.of("OPEN", "DECIDED").contains(status)) {
            throw ApiException.invalid("status", "must be OPEN or DECIDED");
        }
        String where = status == null ? "" : " where t.status = :status";
        var params = new java.util.HashMap<String, Object>();
        if (status != null) {
            params.put("status", status);
        }
        long total = jdbc.sql("select count(*) from sanction_review t" + where).params(params).query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        return Page.of(jdbc.sql(SELECT + where + " order by t.created_at, t.id limit :limit offset :offset").params(params)
                .query(SanctionReviews::map).list(), paging, total);
    }

    /**
     * Decides a task. SUSPEND or REVOKE of a listing the registry shows revoked already (撤销 is final)
     * is a 409 naming its status, asked of the registry before the task is locked: KEEP closes such a task.
     */
    public Task decide(Caller caller, UUID id, DecisionRequest request) {
        if (request == null || request.outcome() == null || !List.of("KEEP", "SUSPEND", "REVOKE").contains(request.outcome())) {
            throw ApiException.invalid("outcome", "must be KEEP, SUSPEND or REVOKE");
        }
        String comment = request.comment() == null ? "" : request.comment().strip();
        if (comment.isEmpty() || comment.length() > 2000) {
            throw ApiException.invalid("comment", "is required: the grounds of the decision (at most 2000 characters)");
        }
        if (!request.outcome().equals("KEEP")) {
            UUID listing = jdbc.sql("select listing_id from sanction_review where id = :id").param("id", id)
                    .query(UUID.class).optional().orElse(null);
            if (listing != null && listings.status(listing) == ListingStatus.REVOKED) {
                throw ApiException.conflict("listing-revoked", "outcome", "The listing " + listing + " is revoked already "
                        + "(final): nothing to " + request.outcome().toLowerCase(java.util.Locale.ROOT)
                        + "; decide KEEP to close the task").withProperty("listingStatus", "REVOKED");
            }
        }
        return transactions.execute(tx -> decide(caller, id, request.outcome(), comment));
    }

    private Task decide(Caller caller, UUID id, String outcome, String comment) {
        Task task = jdbc.sql(SELECT + " where t.id = :id for update of t").param("id", id).query(SanctionReviews::map)
                .optional().orElseThrow(() -> ApiException.notFound("Review task " + id));
        if (!task.status().equals("OPEN")) {
            throw ApiException.conflict("illegal-state", "outcome", "This review task was decided already: " + task.outcome())
                    .withProperty("currentStatus", task.status());
        }
        OffsetDateTime now = Times.now(clock);
        jdbc.sql("update sanction_review set status = 'DECIDED', outcome = :outcome, comment = :comment, decided_by = :by, "
                        + "decided_at = :at where id = :id")
                .param("id", id).param("outcome", outcome).param("comment", comment)
                .param("by", caller.username()).param("at", now).update();
        if (!outcome.equals("KEEP") && task.listingId() != null) {
            registry.changeStatus(task.applicationId(), null, task.listingId(), outcome,
                    "评价机构被处罚后复核（" + task.bodyName() + "）：" + comment, caller.username(), now);
        }
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(SanctionReviews::map).single();
    }

    static Task map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Task(rs.getObject("id", UUID.class), rs.getObject("body_id", UUID.class), rs.getString("body_name"),
                rs.getObject("application_id", UUID.class), rs.getObject("listing_id", UUID.class),
                rs.getString("enterprise_name"), rs.getString("status"), rs.getString("outcome"), rs.getString("comment"),
                rs.getString("decided_by"), Times.local(rs.getObject("decided_at", OffsetDateTime.class)),
                Times.local(rs.getObject("created_at", OffsetDateTime.class)));
    }
}
