package io.greenportal.certification.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.Workflow;
import io.greenportal.certification.support.Applications;
import io.greenportal.certification.support.Callers;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The municipal (市级初审) and provincial (省级复核) review decisions per role and state: the stage a
 * caller decides, whether the application is in that stage, and where approve, return and reject send
 * it. (Before any of this, a caller who may not see the application gets 404: ApplicationAccessTest.)
 */
@Tag("unit")
class ReviewDecisionsTest {

    /** What {@code decide} does, in its order: the caller's stage (403), the state (409), the next state. */
    static String outcome(String who, ApplicationState state, Review.Decision decision) {
        var callers = Map.of(
                "rev-city", Callers.revCity(), // 银川市, the application's city
                "rev-city2", Callers.revCity2(), // 石嘴山市
                "rev-prov", Callers.revProv(),
                "rev-both", Callers.bothReviewers(),
                "ent-a", Callers.entA(),
                "expert1", Callers.expert("expert1"),
                "admin", Callers.admin());
        var caller = callers.get(who);
        var application = Applications.factory(state, 1);
        Throwable refused = catchThrowable(() -> {
            ApplicationState stage = ReviewService.stageOf(caller, application);
            Workflow.require(application, Set.of(stage), "decide");
        });
        if (refused != null) {
            return Integer.toString(Refusal.of(() -> {
                throw refused;
            }).status());
        }
        return ReviewService.next(ReviewService.stageOf(caller, application), decision).name();
    }

    @ParameterizedTest(name = "{0} {2}s an application in {1}: {3}")
    @CsvSource({
            "rev-city,  MUNICIPAL_REVIEW,  APPROVE, PROVINCIAL_REVIEW",
            "rev-city,  MUNICIPAL_REVIEW,  RETURN,  RETURNED",
            "rev-city,  MUNICIPAL_REVIEW,  REJECT,  REJECTED",
            "rev-city,  PROVINCIAL_REVIEW, APPROVE, 409",
            "rev-city,  EXPERT_REVIEW,     REJECT,  409",
            "rev-city,  RETURNED,          APPROVE, 409",
            "rev-city2, MUNICIPAL_REVIEW,  APPROVE, 403",
            "rev-prov,  PROVINCIAL_REVIEW, APPROVE, EXPERT_REVIEW",
            "rev-prov,  PROVINCIAL_REVIEW, RETURN,  RETURNED",
            "rev-prov,  PROVINCIAL_REVIEW, REJECT,  REJECTED",
            "rev-prov,  MUNICIPAL_REVIEW,  APPROVE, 409",
            "rev-prov,  EXPERT_REVIEW,     APPROVE, 409",
            "rev-prov,  PUBLICITY,         REJECT,  409",
            "rev-prov,  APPROVED,          RETURN,  409",
            "rev-both,  MUNICIPAL_REVIEW,  APPROVE, PROVINCIAL_REVIEW",
            "rev-both,  PROVINCIAL_REVIEW, APPROVE, EXPERT_REVIEW",
            "rev-both,  EXPERT_REVIEW,     APPROVE, 409",
            "ent-a,     MUNICIPAL_REVIEW,  APPROVE, 403",
            "expert1,   PROVINCIAL_REVIEW, APPROVE, 403",
            "admin,     PROVINCIAL_REVIEW, APPROVE, 403"})
    void eachRoleDecidesItsOwnStageOnly(String who, ApplicationState state, Review.Decision decision, String expected) {
        assertThat(outcome(who, state, decision)).isEqualTo(expected);
    }

    @Test
    void noReviewerDecidesOutsideTheTwoReviewStages() {
        for (ApplicationState state : EnumSet.complementOf(
                EnumSet.of(ApplicationState.MUNICIPAL_REVIEW, ApplicationState.PROVINCIAL_REVIEW))) {
            for (String who : Set.of("rev-city", "rev-prov", "rev-both")) {
                for (Review.Decision decision : Review.Decision.values()) {
                    assertThat(outcome(who, state, decision)).as("%s %s %s", who, decision, state).isEqualTo("409");
                }
            }
        }
    }

    @Test
    void approvalMovesOneStageOnAndReturnAndRejectEndTheStage() {
        assertThat(ReviewService.next(ApplicationState.MUNICIPAL_REVIEW, Review.Decision.APPROVE))
                .isEqualTo(ApplicationState.PROVINCIAL_REVIEW);
        assertThat(ReviewService.next(ApplicationState.PROVINCIAL_REVIEW, Review.Decision.APPROVE))
                .isEqualTo(ApplicationState.EXPERT_REVIEW);
        for (ApplicationState stage : Set.of(ApplicationState.MUNICIPAL_REVIEW, ApplicationState.PROVINCIAL_REVIEW)) {
            assertThat(ReviewService.next(stage, Review.Decision.RETURN)).isEqualTo(ApplicationState.RETURNED);
            assertThat(ReviewService.next(stage, Review.Decision.REJECT)).isEqualTo(ApplicationState.REJECTED);
        }
        assertThat(ApplicationState.EDITABLE).as("a returned application goes back to the enterprise")
                .contains(ApplicationState.RETURNED);
        assertThat(ApplicationState.REJECTED.isFinal()).isTrue();
    }

    @Test
    void aMunicipalReviewerWithoutACityDecidesNothing() {
        var application = Applications.factory(ApplicationState.MUNICIPAL_REVIEW, 1);
        var refusal = Refusal.of(() -> ReviewService.stageOf(Callers.municipal("rev-nocity", null), application));
        assertThat(refusal.status()).isEqualTo(403);
        assertThat(refusal.detail()).isEqualTo("Only municipal and provincial reviewers decide reviews");
    }

    @Test
    void aReturnSaysWhatToChangeAndARejectionWhy() {
        assertThat(ReviewService.comment(Review.Decision.APPROVE, null)).isNull();
        assertThat(ReviewService.comment(Review.Decision.APPROVE, "  材料齐全，同意推荐 ")).isEqualTo("材料齐全，同意推荐");
        assertThat(ReviewService.comment(Review.Decision.RETURN, " 请补充第三方评价报告的检测数据 "))
                .isEqualTo("请补充第三方评价报告的检测数据");
        var noChanges = Refusal.of(() -> ReviewService.comment(Review.Decision.RETURN, " "));
        assertThat(noChanges.fields()).containsExactly("comment");
        assertThat(noChanges.detail()).isEqualTo("a return needs comments telling the enterprise what to change");
        assertThat(Refusal.of(() -> ReviewService.comment(Review.Decision.REJECT, null)).detail())
                .isEqualTo("a rejection needs its reason");
        assertThat(ReviewService.comment(Review.Decision.REJECT, "意".repeat(2000))).hasSize(2000);
        assertThat(Refusal.of(() -> ReviewService.comment(Review.Decision.APPROVE, "意".repeat(2001))).detail())
                .isEqualTo("must be at most 2000 characters");
    }

    @Test
    void aDecisionNamingTheRoundItReadIsRefusedOnceTheApplicationWasResubmitted() {
        ReviewService.requireRoundRead(null, 3); // a client that names no round decides what is there
        ReviewService.requireRoundRead(2, 2);
        var stale = Refusal.of(() -> ReviewService.requireRoundRead(1, 2));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.type()).endsWith("round-changed");
        assertThat(stale.field()).isEqualTo("round");
        assertThat(stale.detail()).startsWith("You read round 1, but the application is now in round 2");
        var ahead = Refusal.of(() -> ReviewService.requireRoundRead(3, 2));
        assertThat(ahead.status()).as("a round not yet submitted was never read").isEqualTo(400);
        assertThat(ahead.detail()).isEqualTo("there is no round 3: the application is in round 2");
        var nonsense = Refusal.of(() -> ReviewService.requireRoundRead(0, 2));
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.fields()).containsExactly("round");
    }
}
