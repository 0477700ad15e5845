package io.greenportal.certification.engagement;

import java.util.UUID;

import io.greenportal.platform.web.ApiException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many engagements one evaluation body may confirm in a batch: the batch's own cap where an
 * administrator set one, else {@code greenportal.evaluation.max-engagements-per-batch} (15).
 */
@Component
public class EvaluationCaps {

    /** The most a batch's cap may be: far beyond any body's capacity for one batch's site visits. */
    static final int MAX_CAP = 1_000;

    private final JdbcClient jdbc;
    private final int defaultCap;

    public EvaluationCaps(JdbcClient jdbc, @Value("${greenportal.evaluation.max-engagements-per-batch:15}") int defaultCap) {
        this.jdbc = jdbc;
        this.defaultCap = defaultCap;
    }

    public int of(UUID batchId) {
        return jdbc.sql("select cap from batch_evaluation_cap where batch_id = :batch").param("batch", batchId)
                .query(Integer.class).optional().orElse(defaultCap);
    }

    public record CapRequest(Integer cap) {
    }

    public record Cap(UUID batchId, int cap, boolean batchSpecific) {
    }

    public Cap get(UUID batchId) {
        requireBatch(batchId);
        var own = jdbc.sql("select cap from batch_evaluation_cap where batch_id = :batch").param("batch", batchId)
                .query(Integer.class).optional();
        return new Cap(batchId, own.orElse(defaultCap), own.isPresent());
    }

    /**
     * Sets the batch's cap. Lowering it below what a body has confirmed already leaves those engagements
     * standing; only further confirmations are refused.
     */
    @Transactional
    public Cap set(UUID batchId, CapRequest request) {
        int cap = check(request); // a bad cap is a 400 whether or not the batch exists
        requireBatch(batchId);
        jdbc.sql("insert into batch_evaluation_cap (batch_id, cap) values (:batch, :cap) "
                        + "on conflict (batch_id) do update set cap = excluded.cap")
                .param("batch", batchId).param("cap", cap).update();
        return get(batchId);
    }

    /** The cap asked for: engagements per body in one batch, 1 to {@value #MAX_CAP}; else a 400 naming it. */
    static int check(CapRequest request) {
        if (request == null || request.cap() == null || request.cap() < 1 || request.cap() > MAX_CAP) {
            throw ApiException.invalid("cap", "must be a whole number from 1 to " + MAX_CAP);
        }
        return request.cap();
    }

    private void requireBatch(UUID batchId) {
        boolean exists = jdbc.sql("select exists (select 1 from batch where id = :id)").param("id", batchId)
                .query(Boolean.class).single();
        if (!exists) {
            throw ApiException.notFound("Batch " + batchId);
        }
    }
}
