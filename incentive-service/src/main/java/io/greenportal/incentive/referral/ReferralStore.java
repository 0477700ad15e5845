package io.greenportal.incentive.referral;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.greenportal.incentive.referral.CreditReferral.Decision;
import io.greenportal.incentive.referral.CreditReferral.Disbursement;
import io.greenportal.incentive.referral.CreditReferral.QualifyingListing;
import io.greenportal.platform.web.IdempotencyKeys;
import io.greenportal.platform.web.Times;
import io.greenportal.platform.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals in PostgreSQL. Every transition is one conditional update: the row decides who wins. */
@Repository
public class ReferralStore {

    /** What a bank may see: open referrals addressed to all banks or to it, and those it holds. */
    private static final String VISIBLE_TO_BANK = "((status = 'OPEN' and (target_bank is null or target_bank = :bank)) or bank_id = :bank)";

    private final JdbcClient jdbc;

    public ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CreditReferral r, String createdBy, String idempotencyKey, String fingerprint) {
        jdbc.sql("""
                insert into credit_referral (id, uscc, enterprise_name, region_code, listing_id, certificate_number,
                  listing_type, listing_level, amount, term_months, purpose, project_reference, target_bank, status,
                  created_at, created_by, updated_at, idempotency_key, idempotency_fingerprint)
                values (:id, :uscc, :name, :region, :listing, :certificate, :type, :level, :amount, :term, :purpose,
                  :project, :target, 'OPEN', :at, :by, :at, :key, :fp)""")
                .param("id", r.id()).param("uscc", r.uscc()).param("name", r.enterpriseName())
                .param("region", r.regionCode()).param("listing", r.listing().id())
                .param("certificate", r.listing().certificateNumber()).param("type", r.listing().type())
                .param("level", r.listing().level()).param("amount", r.amount()).param("term", r.termMonths())
                .param("purpose", r.purpose()).param("project", r.projectReference()).param("target", r.targetBank())
                .param("at", r.createdAt()).param("by", createdBy).param("key", idempotencyKey)
                .param("fp", fingerprint).update();
    }

    public Optional<CreditReferral> find(UUID id) {
        return jdbc.sql("select * from credit_referral where id = :id").param("id", id).query(this::map).optional();
    }

    /** The referral created under this key, and whether {@code fingerprint} is the request that created it. */
    public Optional<IdempotencyKeys.Stored<CreditReferral>> findByIdempotencyKey(String uscc, String key,
            String fingerprint) {
        return jdbc.sql("select *, " + IdempotencyKeys.sameRequestColumn("idempotency_fingerprint") + " "
                + "from credit_referral where uscc = :uscc and idempotency_key = :key")
                .param("uscc", uscc).param("key", key).param("fp", fingerprint)
                .query((rs, row) -> IdempotencyKeys.stored(map(rs, row), rs)).optional();
    }

    public boolean visibleToBank(UUID id, String bank) {
        return jdbc.sql("select count(*) from credit_referral where id = :id and " + VISIBLE_TO_BANK)
                .param("id", id).param("bank", bank).query(Integer.class).single() > 0;
    }

    /** What a bank sees: referrals open to it and those it holds. */
    public Page<CreditReferral> forBank(String bank, Set<ReferralStatus> statuses, int page, int size) {
        return page(VISIBLE_TO_BANK, Map.of("bank", bank), statuses, page, size);
    }

    public Page<CreditReferral> forEnterprise(String uscc, Set<ReferralStatus> statuses, int page, int size) {
        return page("uscc = :uscc", Map.of("uscc", uscc), statuses, page, size);
    }

    public Page<CreditReferral> all(Set<ReferralStatus> statuses, int page, int size) {
        return page("true", Map.of(), statuses, page, size);
    }

    /** {@code statuses}: any of them; none, every status. */
    private Page<CreditReferral> page(String scope, Map<String, Object> params, Set<ReferralStatus> statuses, int page,
            int size) {
        String where = " where " + scope + " and (cardinality(cast(:statuses as text[])) = 0 or status = any(cast(:statuses as text[])))";
        String[] names = statuses.stream().map(Enum::name).toArray(String[]::new);
        long total = jdbc.sql("select count(*) from credit_referral" + where).params(params).param("statuses", names)
                .query(Long.class).single();
        List<CreditReferral> items = jdbc.sql("select * from credit_referral" + where
                        + " order by created_at desc, id limit :size offset :offset")
                .params(params).param("statuses", names).param("size", size).param("offset", (long) page * size)
                .query(this::map).list();
        return new Page<>(items, page, size, total);
    }

    /** First come: only one bank's update finds the referral still OPEN. */
    public boolean accept(UUID id, String bank, String actor, OffsetDateTime at) {
        return jdbc.sql("""
                update credit_referral set status = 'ACCEPTED', bank_id = :bank, accepted_at = :at, accepted_by = :actor,
                  updated_at = :at
                where id = :id and status = 'OPEN' and (target_bank is null or target_bank = :bank)""")
                .param("bank", bank).param("at", at).param("actor", actor).param("id", id).update() == 1;
    }

    public boolean approve(UUID id, String bank, BigDecimal amount, BigDecimal rate, int term, OffsetDateTime at) {
        return jdbc.sql("""
                update credit_referral set status = 'APPROVED', approved_amount = :amount, annual_rate = :rate,
                  approved_term_months = :term, decided_at = :at, updated_at = :at
                where id = :id and status = 'ACCEPTED' and bank_id = :bank""")
                .param("amount", amount).param("rate", rate).param("term", term).param("at", at).param("id", id)
                .param("bank", bank).update() == 1;
    }

    public boolean decline(UUID id, String bank, String reason, OffsetDateTime at) {
        return jdbc.sql("""
                update credit_referral set status = 'DECLINED', decline_reason = :reason, decided_at = :at, updated_at = :at
                where id = :id and status = 'ACCEPTED' and bank_id = :bank""")
                .param("reason", reason).param("at", at).param("id", id).param("bank", bank).update() == 1;
    }

    public boolean disburse(UUID id, String bank, BigDecimal amount, LocalDate on, String reference, OffsetDateTime at) {
        return jdbc.sql("""
                update credit_referral set status = 'DISBURSED', disbursed_amount = :amount, disbursed_on = :on,
                  loan_reference = :reference, disbursed_at = :at, updated_at = :at
                where id = :id and status = 'APPROVED' and bank_id = :bank and :amount <= approved_amount""")
                .param("amount", amount).param("on", on).param("reference", reference).param("at", at)
                .param("id", id).param("bank", bank).update() == 1;
    }

    public boolean withdraw(UUID id, String uscc, OffsetDateTime at) {
        return jdbc.sql("""
                update credit_referral set status = 'WITHDRAWN', withdrawn_at = :at, updated_at = :at
                where id = :id and uscc = :uscc and status in ('OPEN', 'ACCEPTED')""")
                .param("at", at).param("id", id).param("uscc", uscc).update() == 1;
    }

    /** Per bank: referrals accepted, decided, and the mean seconds to accept and to decide. */
    public record BankResponseTimes(String bankId, long accepted, long decided, BigDecimal meanSecondsToAccept,
            BigDecimal meanSecondsToDecision) {
    }

    public List<BankResponseTimes> responseTimes() {
        return jdbc.sql("""
                select bank_id, count(*), count(decided_at),
                  round(avg(extract(epoch from accepted_at - created_at)), 1),
                  round(avg(extract(epoch from decided_at - accepted_at)), 1)
                from credit_referral where bank_id is not null group by bank_id order by bank_id""")
                .query((rs, n) -> new BankResponseTimes(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5)))
                .list();
    }

    private CreditReferral map(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        Decision decision = rs.getObject("decided_at") == null ? null
                : new Decision(rs.getBigDecimal("approved_amount"), rs.getBigDecimal("annual_rate"),
                        (Integer) rs.getObject("approved_term_months", Integer.class), rs.getString("decline_reason"));
        Disbursement disbursement = rs.getObject("disbursed_at") == null ? null
                : new Disbursement(rs.getBigDecimal("disbursed_amount"), rs.getObject("disbursed_on", LocalDate.class),
                        rs.getString("loan_reference"), Times.local(rs.getObject("disbursed_at", OffsetDateTime.class)));
        return new CreditReferral(rs.getObject("id", UUID.class), rs.getString("uscc"), rs.getString("enterprise_name"),
                rs.getString("region_code"),
                new QualifyingListing(rs.getObject("listing_id", UUID.class), rs.getString("certificate_number"),
                        rs.getString("listing_type"), rs.getString("listing_level")),
                rs.getBigDecimal("amount"), rs.getInt("term_months"), rs.getString("purpose"),
                rs.getString("project_reference"), rs.getString("target_bank"), ReferralStatus.valueOf(status),
                rs.getString("bank_id"), Times.local(rs.getObject("created_at", OffsetDateTime.class)),
                Times.local(rs.getObject("accepted_at", OffsetDateTime.class)),
                Times.local(rs.getObject("decided_at", OffsetDateTime.class)), decision, disbursement,
                Times.local(rs.getObject("withdrawn_at", OffsetDateTime.class)),
                Times.local(rs.getObject("updated_at", OffsetDateTime.class)));
    }
}
