package io.greenportal.certification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.EnumSet;

import io.greenportal.certification.support.Applications;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The application workflow's state rules: which states the enterprise edits, submits and withdraws
 * from, which are final, and what a submission does, the first one and each one after a return.
 * (The reviewers' and experts' transitions: review.ReviewDecisionsTest and review.ExpertScoresTest.)
 */
@Tag("unit")
class WorkflowRulesTest {

    @Test
    void theEnterpriseEditsAndSubmitsADraftOrAReturnedApplicationOnly() {
        assertThat(ApplicationState.EDITABLE).containsExactlyInAnyOrder(ApplicationState.DRAFT, ApplicationState.RETURNED);
    }

    @Test
    void withdrawalIsPossibleUntilPublicityBegins() {
        assertThat(ApplicationState.WITHDRAWABLE).containsExactlyInAnyOrder(ApplicationState.DRAFT,
                ApplicationState.SUBMITTED, ApplicationState.MUNICIPAL_REVIEW, ApplicationState.PROVINCIAL_REVIEW,
                ApplicationState.EXPERT_REVIEW, ApplicationState.RETURNED);
        assertThat(ApplicationState.WITHDRAWABLE).doesNotContain(ApplicationState.PUBLICITY);
    }

    @Test
    void approvalRejectionAndWithdrawalAreFinal() {
        assertThat(EnumSet.allOf(ApplicationState.class)).filteredOn(ApplicationState::isFinal)
                .containsExactlyInAnyOrder(ApplicationState.APPROVED, ApplicationState.REJECTED, ApplicationState.WITHDRAWN);
        assertThat(ApplicationState.EDITABLE).noneMatch(ApplicationState::isFinal);
        assertThat(ApplicationState.WITHDRAWABLE).noneMatch(ApplicationState::isFinal);
    }

    @ParameterizedTest
    @EnumSource(ApplicationState.class)
    void aTransitionFromAStateNotAllowedIs409NamingTheCurrentState(ApplicationState state) {
        var application = Applications.factory(state, 1);
        if (ApplicationState.WITHDRAWABLE.contains(state)) {
            assertThatNoException().isThrownBy(() -> Workflow.require(application, ApplicationState.WITHDRAWABLE, "withdraw"));
            return;
        }
        var refusal = Refusal.of(() -> Workflow.require(application, ApplicationState.WITHDRAWABLE, "withdraw"));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.type()).isEqualTo("illegal-state");
        assertThat(refusal.properties()).containsEntry("currentState", state.name());
        assertThat(refusal.detail()).startsWith("Cannot withdraw an application that is " + state + " (allowed from [DRAFT, ");
    }

    @Test
    void theFirstSubmissionOfADraftIsBoundToTheDeadlineAndGoesToMunicipalReview() {
        var submission = Workflow.submission(Applications.factory(ApplicationState.DRAFT, 0));
        assertThat(submission.round()).isEqualTo(1);
        assertThat(submission.deadlineApplies()).isTrue();
        assertThat(submission.reviewStage()).isEqualTo(ApplicationState.MUNICIPAL_REVIEW);
        assertThat(submission.comment()).isEqualTo("受理，进入市级初审");
    }

    @Test
    void aResubmissionAfterAReturnStartsTheNextRoundAgainAtMunicipalReview() {
        // returned by the provincial reviewer (or by an upheld objection during publicity) in round 2
        var submission = Workflow.submission(Applications.factory(ApplicationState.RETURNED, 2));
        assertThat(submission.round()).isEqualTo(3);
        assertThat(submission.reviewStage()).as("not where it was returned from").isEqualTo(ApplicationState.MUNICIPAL_REVIEW);
        assertThat(submission.deadlineApplies()).as("rework after the deadline is allowed").isFalse();
        assertThat(submission.comment()).isEqualTo("重新提交（第3轮），进入市级初审");
    }

    @ParameterizedTest
    @EnumSource(value = ApplicationState.class, names = {"DRAFT", "RETURNED"}, mode = EnumSource.Mode.EXCLUDE)
    void nothingElseCanBeSubmitted(ApplicationState state) {
        var refusal = Refusal.of(() -> Workflow.submission(Applications.factory(state, 1)));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.properties()).containsEntry("currentState", state.name());
        assertThat(refusal.detail()).endsWith("(allowed from [DRAFT, RETURNED])");
    }

    @Test
    void aSubjectIsKnownByItsProductParkOrSiteElseByTheEnterprise() {
        assertThat(new Subject(null, null, "硅酸盐水泥", "P·O 42.5", "建材", null).displayName("宁夏赛马水泥有限公司"))
                .isEqualTo("硅酸盐水泥 P·O 42.5");
        assertThat(new Subject(null, null, "硅酸盐水泥", null, "建材", null).displayName("x")).isEqualTo("硅酸盐水泥");
        assertThat(new Subject(null, "银川经济技术开发区", null, null, null, null).displayName("管委会"))
                .isEqualTo("银川经济技术开发区");
        assertThat(new Subject("金凤区新材料生产基地", null, null, null, null, null).displayName("x"))
                .isEqualTo("金凤区新材料生产基地");
        assertThat(Subject.NONE.displayName("宁夏绿源新材料有限公司")).isEqualTo("宁夏绿源新材料有限公司");
        assertThat(Applications.factory(ApplicationState.DRAFT, 0).everSubmitted()).isFalse();
        assertThat(Applications.factory(ApplicationState.RETURNED, 1).everSubmitted()).isTrue();
    }
}
