package io.greenportal.incentive.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.greenportal.platform.creditcode.Uscc;
import io.greenportal.platform.registryfake.RegistryFake;
import io.greenportal.platform.test.Tokens;

import tools.jackson.databind.json.JsonMapper;

/**
 * Portfolio screenings as the registry's GetWatchlist answers them, put straight into the in-memory
 * registry (registry-fake): a bank's finished screening of a CSV portfolio matches the rows whose
 * credit code the registry knows (the real registry's screener also matches by name; these tests name
 * their firms by code). The bank is the one the client's token names ({@code bank_id}), as it is when
 * the bank screens its portfolio itself.
 */
public final class Screenings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Screenings() {
    }

    /** Screens a CSV portfolio as this bank client and returns the finished screening's id. */
    public static String screen(String bankClient, String csv) {
        String[] lines = csv.split("\r?\n");
        List<String> header = List.of(lines[0].split(",", -1));
        int column = -1;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase();
            if (name.equals("统一社会信用代码") || name.equals("credit_code") || name.equals("uscc")) {
                column = i;
            }
        }
        if (column < 0) {
            throw new IllegalArgumentException("the portfolio names no credit-code column: " + lines[0]);
        }
        RegistryFake registry = RegistryFake.shared();
        List<String> matched = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            String code = cells.length > column ? Uscc.normalize(cells[column]) : "";
            if (!code.isEmpty() && Uscc.isValid(code) && registry.lookup(code).getFound()) {
                matched.add(code);
            }
        }
        String id = UUID.randomUUID().toString();
        registry.putWatchlist(id, bankId(bankClient), matched);
        return id;
    }

    /** The bank_id claim of the client's Keycloak token. */
    static String bankId(String bankClient) {
        String payload = Tokens.client(bankClient).split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return JSON.readTree(json).get("bank_id").asString();
    }
}
