package io.greenportal.registry.listing;

import io.greenportal.platform.creditcode.DivisionCodes;
import io.greenportal.registry.reference.Regions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates certificate numbers for listings granted here: type code, issuing region, year and a
 * serial, e.g. {@code GF-640000-2025-0007} for the 7th provincial green factory of 2025. Municipal
 * listings carry their city's code; national ones without a number {@code CN}.
 */
@Component
public class CertificateNumbers {

    private final JdbcClient jdbc;
    private final String provinceCode;

    public CertificateNumbers(JdbcClient jdbc, @Value("${greenportal.province-code:640000}") String provinceCode) {
        this.jdbc = jdbc;
        this.provinceCode = provinceCode;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(ListingType type, Level level, int year, String regionCode) {
        return block(prefix(type, level, year, regionCode), 1).getFirst();
    }

    public String prefix(ListingType type, Level level, int year, String regionCode) {
        String issuer = switch (level) {
            case NATIONAL -> "CN";
            case PROVINCIAL -> provinceCode;
            case MUNICIPAL -> DivisionCodes.cityOf(regionCode);
        };
        return type.code() + "-" + issuer + "-" + year;
    }

    /** The next {@code count} numbers of a prefix, taken in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.List<String> block(String prefix, int count) {
        int last = jdbc.sql("""
                insert into certificate_serial (prefix, last) values (:prefix, :count)
                on conflict (prefix) do update set last = certificate_serial.last + :count returning last""")
                .param("prefix", prefix).param("count", count).query(Integer.class).single();
        return numbers(prefix, last, count);
    }

    /** The {@code count} numbers of a prefix that end with serial {@code last}: the serial has four digits at least. */
    static java.util.List<String> numbers(String prefix, int last, int count) {
        var numbers = new java.util.ArrayList<String>(count);
        for (int serial = last - count + 1; serial <= last; serial++) {
            numbers.add(prefix + "-" + String.format("%04d", serial));
        }
        return numbers;
    }
}
