package io.greenportal.incentive.bank;

import java.util.List;
import java.util.Optional;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The participating banks (seeded by the migration: 宁夏银行 NXBANK, 黄河农村商业银行 HHRCB). A bank
 * acts by the {@code bank_id} claim of its Keycloak client; a bank token naming no participating
 * bank may do nothing here.
 */
@Repository
public class Banks {

    private final JdbcClient jdbc;

    public Banks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Bank> find(String id) {
        return jdbc.sql("select id, name, active from bank where id = :id").param("id", id)
                .query((rs, n) -> new Bank(rs.getString(1), rs.getString(2), rs.getBoolean(3))).optional();
    }

    public List<Bank> active() {
        return jdbc.sql("select id, name, active from bank where active order by id")
                .query((rs, n) -> new Bank(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** The calling bank, or 403 when the token names no active participating bank. */
    public Bank of(Caller caller) {
        if (caller.bankId() == null) {
            throw ApiException.forbidden("Your client carries no bank_id");
        }
        return find(caller.bankId()).filter(Bank::active)
                .orElseThrow(() -> ApiException.forbidden("Bank " + caller.bankId() + " does not take part in the portal"));
    }
}
