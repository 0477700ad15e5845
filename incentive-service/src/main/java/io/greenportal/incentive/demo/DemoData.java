package io.greenportal.incentive.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.greenportal.incentive.program.AmountRule;
import io.greenportal.incentive.program.AmountRule.Award;
import io.greenportal.incentive.program.Eligibility;
import io.greenportal.incentive.program.ProgramRequest;
import io.greenportal.incentive.program.ProgramRules;
import io.greenportal.incentive.program.ProgramService;
import io.greenportal.incentive.program.ProgramStore;
import io.greenportal.platform.web.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The local portal's demo programs: the 2025/2026 award for provincial listings, the provincial
 * retrofit fund (省级绿色制造推广技改资金: 10 % of the investment, at most 2,500 万元, which every
 * Datong project of seed 004 satisfies) and an energy-diagnostics subsidy. The two participating
 * banks come with the schema. Idempotent: a program whose code exists is left alone.
 */
@Component
@ConditionalOnProperty(name = "greenportal.demo-data", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ProgramRules rules;
    private final ProgramService programs;
    private final ProgramStore store;

    public DemoData(ProgramRules rules, ProgramService programs, ProgramStore store) {
        this.rules = rules;
        this.programs = programs;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        int created = 0;
        for (ProgramRequest program : programs()) {
            if (store.findByCode(program.code()).isEmpty()) {
                try {
                    programs.create(rules.check(program), "demo-data", null);
                    created++;
                } catch (RuntimeException e) {
                    // the registry (reference data) may not be up yet; the next start loads it
                    log.warn("demo program {} not loaded: {}", program.code(), e.getMessage());
                }
            }
        }
        log.info("demo data: {} demo programs created now", created);
    }

    static List<ProgramRequest> programs() {
        return List.of(
                new ProgramRequest("NX-AWARD-2025-2026", "2025—2026年度省级绿色制造示范单位奖励", "AWARD",
                        "对2025、2026年度新认定的省级绿色工厂、绿色园区、绿色供应链管理企业和绿色设计产品给予一次性奖励。",
                        new Eligibility(List.of(), List.of("PROVINCIAL"), List.of(2025, 2026), List.of("640000")),
                        new AmountRule(List.of(
                                new Award("GREEN_FACTORY", "PROVINCIAL", new BigDecimal("500000.00")),
                                new Award("GREEN_PARK", "PROVINCIAL", new BigDecimal("1000000.00")),
                                new Award("GREEN_SUPPLY_CHAIN", "PROVINCIAL", new BigDecimal("500000.00")),
                                new Award("GREEN_PRODUCT", "PROVINCIAL", new BigDecimal("100000.00"))), null, null, null),
                        Times.startOf(LocalDate.of(2025, 1, 1)), Times.startOf(LocalDate.of(2027, 1, 1)),
                        new BigDecimal("30000000.00")),
                new ProgramRequest("NX-RETROFIT", "省级绿色制造推广技改资金", "RETROFIT",
                        "支持绿色化技术改造项目，按项目总投资的10%给予补助，单个项目最高2500万元。",
                        new Eligibility(List.of(), List.of(), List.of(), List.of("640000")),
                        new AmountRule(null, new BigDecimal("0.10"), new BigDecimal("25000000.00"), null),
                        Times.startOf(LocalDate.of(2025, 1, 1)), Times.startOf(LocalDate.of(2028, 1, 1)),
                        new BigDecimal("51260000.00")),
                new ProgramRequest("NX-DIAGNOSTICS-2026", "2026年度工业节能诊断服务补助", "DIAGNOSTICS",
                        "对开展工业节能诊断的绿色工厂每家补助5万元。",
                        new Eligibility(List.of("GREEN_FACTORY"), List.of(), List.of(), List.of("640000")),
                        new AmountRule(null, null, null, new BigDecimal("50000.00")),
                        Times.startOf(LocalDate.of(2026, 1, 1)), Times.startOf(LocalDate.of(2027, 7, 1)),
                        new BigDecimal("2000000.00")));
    }
}
