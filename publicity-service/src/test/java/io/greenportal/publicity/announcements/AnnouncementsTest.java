package io.greenportal.publicity.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeKind;
import io.greenportal.contracts.registry.v1.Enterprise;
import io.greenportal.contracts.registry.v1.Level;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.contracts.registry.v1.ListingType;
import io.greenportal.contracts.registry.v1.Subject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which registry changes become announcements, and in what words. */
@Tag("unit")
class AnnouncementsTest {

    static Listing listing(ListingStatus status, String reason) {
        return Listing.newBuilder().setId("l1").setType(ListingType.GREEN_FACTORY).setLevel(Level.PROVINCIAL)
                .setEnterprise(Enterprise.newBuilder().setName("宁夏塞上水泥有限公司").setRegionName("金凤区").setRegionCode("640106"))
                .setSubject(Subject.newBuilder().setSiteName("塞上水泥生产基地")).setYear(2024).setBatch("2024年度第1批")
                .setCertificateNumber("GF-640000-2024-0001").setStatus(status).setStatusReason(reason).build();
    }

    static Change change(ChangeKind kind, Listing listing) {
        return Change.newBuilder().setSequence(12).setKind(kind).setListing(listing).build();
    }

    @Test
    void newListingsSuspensionsRevocationsAndRestorationsAreAnnounced() {
        Announcement created = Announcements.of(change(ChangeKind.LISTING_CREATED, listing(ListingStatus.ACTIVE, ""))).orElseThrow();
        assertThat(created.kind()).isEqualTo(Announcement.Kind.NEW_LISTING);
        assertThat(created.title()).isEqualTo("新增省级绿色工厂：宁夏塞上水泥有限公司（塞上水泥生产基地）");
        assertThat(created.summary()).startsWith("省级绿色工厂，2024年度第1批，").contains("GF-640000-2024-0001").contains("金凤区");
        assertThat(created.sourceSequence()).isEqualTo(12);

        Announcement suspended = Announcements.of(change(ChangeKind.STATUS_CHANGED,
                listing(ListingStatus.SUSPENDED, "年度报告逾期未报送"))).orElseThrow();
        assertThat(suspended.kind()).isEqualTo(Announcement.Kind.SUSPENDED);
        assertThat(suspended.summary()).endsWith("原因：年度报告逾期未报送");
        assertThat(Announcements.of(change(ChangeKind.STATUS_CHANGED, listing(ListingStatus.REVOKED, "弄虚作假")))
                .orElseThrow().title()).startsWith("撤销省级绿色工厂称号：");
        assertThat(Announcements.of(change(ChangeKind.STATUS_CHANGED, listing(ListingStatus.ACTIVE, "整改完成")))
                .orElseThrow().kind()).isEqualTo(Announcement.Kind.RESTORED);
    }

    @Test
    void historicalRevokedImportsAndDataCorrectionsAreNot() {
        assertThat(Announcements.of(change(ChangeKind.LISTING_CREATED, listing(ListingStatus.REVOKED, "x")))).isEmpty();
        assertThat(Announcements.of(change(ChangeKind.LISTING_UPDATED, listing(ListingStatus.ACTIVE, "")))).isEmpty();
    }
}
