package io.greenportal.certification.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.greenportal.certification.support.Applications;
import io.greenportal.certification.support.Callers;
import io.greenportal.platform.test.Refusal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Who sees an application, per role and state: the enterprise its own (drafts too); once submitted,
 * municipal reviewers their city's, provincial reviewers and administrators all, experts what they
 * are assigned. Everyone else is told it does not exist.
 */
@Tag("unit")
class ApplicationAccessTest {

    /** The expert assignments, as the table would hold them: expert1 on the factory application. */
    final ApplicationAccess access = new ApplicationAccess(null) {
        @Override
        public boolean isAssigned(UUID applicationId, String expert) {
            return applicationId.equals(Applications.factory(ApplicationState.DRAFT, 0).id()) && expert.equals("expert1");
        }
    };

    final Application draft = Applications.factory(ApplicationState.DRAFT, 0);
    final Application inReview = Applications.factory(ApplicationState.MUNICIPAL_REVIEW, 1);
    final Application returnedInRound1 = Applications.factory(ApplicationState.RETURNED, 1);

    @Test
    void theApplicantSeesItsOwnInEveryState() {
        var entA = Callers.entA();
        for (ApplicationState state : ApplicationState.values()) {
            assertThat(access.canSee(entA, Applications.factory(state, state == ApplicationState.DRAFT ? 0 : 1)))
                    .as(state.name()).isTrue();
        }
        assertThat(ApplicationAccess.isOwner(entA, draft)).isTrue();
    }

    @Test
    void aDraftIsTheEnterprisesAlone() {
        for (var reviewer : List.of(Callers.revCity(), Callers.revProv(), Callers.admin(), Callers.expert("expert1"))) {
            assertThat(access.canSee(reviewer, draft)).as(reviewer.username()).isFalse();
        }
        assertThat(access.canSee(Callers.entB(), draft)).isFalse();
    }

    @Test
    void onceSubmittedReviewersInScopeSeeIt() {
        assertThat(access.canSee(Callers.revCity(), inReview)).as("银川市 reviews 金凤区").isTrue();
        assertThat(access.canSee(Callers.revCity2(), inReview)).as("石嘴山市 does not").isFalse();
        assertThat(access.canSee(Callers.revProv(), inReview)).isTrue();
        assertThat(access.canSee(Callers.admin(), inReview)).isTrue();
        assertThat(access.canSee(Callers.expert("expert1"), inReview)).as("assigned").isTrue();
        assertThat(access.canSee(Callers.expert("expert2"), inReview)).as("not assigned").isFalse();
        assertThat(access.canSee(Callers.entB(), inReview)).isFalse();
        assertThat(access.canSee(Callers.municipal("rev-nocity", null), inReview)).isFalse();
        // a returned application was submitted once: the reviewers keep seeing it while it is reworked
        assertThat(access.canSee(Callers.revCity(), returnedInRound1)).isTrue();
    }

    @Test
    void anotherEnterprisesApplicationDoesNotExistForTheCaller() {
        var refusal = Refusal.of(() -> access.visible(Callers.entB(), inReview));
        assertThat(refusal.status()).isEqualTo(404);
        assertThat(refusal.detail()).isEqualTo("Application " + inReview.id() + " was not found");
        assertThat(access.visible(Callers.revProv(), inReview)).isSameAs(inReview);
    }

    @Test
    void onlyTheApplicantActsAsTheApplicant() {
        assertThat(access.requireOwner(Callers.entA(), inReview)).isSameAs(inReview);
        assertThat(Refusal.of(() -> access.requireOwner(Callers.revProv(), inReview)).status())
                .as("a reviewer who may see it is forbidden").isEqualTo(403);
        assertThat(Refusal.of(() -> access.requireOwner(Callers.entB(), inReview)).status())
                .as("another enterprise: not found").isEqualTo(404);
        assertThat(Refusal.of(() -> access.requireOwner(Callers.revCity2(), inReview)).status())
                .as("a reviewer out of scope: not found").isEqualTo(404);
        var sameCodeOtherRole = Callers.enterprise("ent-a-clerk", Callers.ENT_A);
        assertThat(access.requireOwner(sameCodeOtherRole, inReview)).as("any user of the enterprise").isSameAs(inReview);
    }

    @Test
    void documentsAreForTheApplicantAndReviewersNotForAPureAdministrator() {
        assertThat(access.canReadDocuments(Callers.entA(), inReview)).isTrue();
        assertThat(access.canReadDocuments(Callers.revCity(), inReview)).isTrue();
        assertThat(access.canReadDocuments(Callers.expert("expert1"), inReview)).isTrue();
        assertThat(access.canReadDocuments(Callers.admin(), inReview)).isFalse();
        var adminAndProvincial = Callers.withRoles("rev-admin", "admin", "reviewer-provincial");
        assertThat(access.canReadDocuments(adminAndProvincial, inReview)).isTrue();
    }
}
