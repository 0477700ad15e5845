package io.greenportal.certification.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.greenportal.certification.support.Callers;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What an objection (异议) and a decision on one must say, checked before anything is looked up: the
 * service's collaborators are absent here, so a request that passed these rules would fail loudly.
 */
@Tag("unit")
class ObjectionRulesTest {

    final ObjectionService objections = new ObjectionService(null, null, null, null, null, null, null, null);
    final UUID application = UUID.fromString("a9911ca7-0000-4000-8000-000000000001");

    static ObjectionService.ObjectionRequest objection(String name, String contact, String content) {
        return new ObjectionService.ObjectionRequest(name, contact, content);
    }

    @Test
    void anObjectionNamesItsAuthorAContactAndItsGrounds() {
        var refusal = Refusal.of(() -> objections.file(application, objection("王", "1391", "有问题"), "203.0.113.45"));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.fields()).containsExactly("name", "contact", "content");
        // sent but too short: said so, with the length; missing: required
        assertThat(refusal.detail()).contains("name: must be 2-50 characters, not 1")
                .contains("contact: must be 5-100 characters, not 4")
                .contains("content: state the objection and its grounds (at least 10 characters)");
        var empty = Refusal.of(() -> objections.file(application, null, "203.0.113.45"));
        assertThat(empty.fields()).containsExactly("name", "contact", "content");
        assertThat(empty.detail()).contains("name: is required (2-50 characters)").contains("contact: is required (5-100 characters)");
    }

    @Test
    void textsAreLimitedAndFreeOfControlCharacters() {
        String grounds = "该企业申报材料中单位产品能耗数据与实际不符，请核查。";
        var refusal = Refusal.of(() -> objections.file(application, objection("王".repeat(51), "wang@example.cn\u0000",
                grounds.repeat(200)), "203.0.113.45"));
        assertThat(refusal.fields()).containsExactly("name", "contact", "content");
        assertThat(refusal.detail()).contains("name: must be at most 50 characters")
                .contains("contact: must not contain control characters")
                .contains("content: must be at most 4000 characters");
    }

    @Test
    void aDecisionStatesItsFindingAndAnUpheldOneItsOutcome() {
        var revProv = Callers.revProv();
        UUID objection = UUID.randomUUID();
        assertThat(Refusal.of(() -> objections.decide(revProv, application, objection, null)).detail())
                .isEqualTo("is required: UPHOLD or DISMISS");
        assertThat(Refusal.of(() -> objections.decide(revProv, application, objection, new ObjectionService.DecisionRequest(
                ObjectionService.Verdict.DISMISS, null, " "))).detail()).isEqualTo("a decision on an objection states its finding");
        var noOutcome = Refusal.of(() -> objections.decide(revProv, application, objection,
                new ObjectionService.DecisionRequest(ObjectionService.Verdict.UPHOLD, null, "经核查，异议属实")));
        assertThat(noOutcome.fields()).containsExactly("outcome");
        assertThat(noOutcome.detail()).isEqualTo("an upheld objection either REJECTs or RETURNs the application");
        assertThat(Refusal.of(() -> objections.decide(revProv, application, objection, new ObjectionService.DecisionRequest(
                ObjectionService.Verdict.DISMISS, null, "查".repeat(2001)))).detail())
                .isEqualTo("must be at most 2000 characters");
    }

    @Test
    void onlyProvincialReviewersSeeWhoObjected() {
        var filed = new Objection(UUID.randomUUID(), application, 2, "王某某", "13912345678", "能耗数据与实际不符，请核查。",
                Objection.Status.PENDING, null, null, null, null, null);
        var shown = filed.withoutObjector();
        assertThat(shown.objectorName()).isNull();
        assertThat(shown.objectorContact()).isNull();
        assertThat(shown.content()).isEqualTo(filed.content());
        assertThat(shown.status()).isEqualTo(Objection.Status.PENDING);
    }
}
