package io.greenportal.incentive.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.incentive.program.ProgramKind;
import io.greenportal.incentive.program.ProgramRules;
import io.greenportal.incentive.program.ProgramService;
import io.greenportal.incentive.program.ProgramStore;
import io.greenportal.incentive.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoDataTest {

    @Autowired
    ProgramRules rules;

    @Autowired
    ProgramService programs;

    @Autowired
    ProgramStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsThreeProgramsOnceAndTheBanksComeWithTheSchema() {
        DemoData demo = new DemoData(rules, programs, store);
        demo.load();
        demo.load();

        assertThat(jdbc.sql("select count(*) from program where code like 'NX-%'").query(Long.class).single()).isEqualTo(3);
        var retrofit = store.findByCode("NX-RETROFIT").orElseThrow();
        assertThat(retrofit.kind()).isEqualTo(ProgramKind.RETROFIT);
        assertThat(retrofit.amountRule().share()).isEqualByComparingTo("0.10");
        assertThat(retrofit.amountRule().cap()).isEqualByComparingTo("25000000.00");
        assertThat(store.findByCode("NX-AWARD-2025-2026").orElseThrow().eligibility().levels()).containsExactly("PROVINCIAL");
        assertThat(store.findByCode("NX-DIAGNOSTICS-2026").orElseThrow().kind()).isEqualTo(ProgramKind.DIAGNOSTICS);
        assertThat(jdbc.sql("select id from bank where active order by id").query(String.class).list())
                .containsExactly("HHRCB", "NXBANK");
    }
}
