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
import io.greenportal.platform.grpc.ProtoTimes;

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
        assertThat(created.summary()).contains("证书编号 GF-640000-2024-0001");
        assertThat(created.data()).containsEntry("certificateNumberAssigned", false);
        // a list that gave no number: the registry's own is not announced as a certificate
        Announcement unnumbered = Announcements.of(change(ChangeKind.LISTING_CREATED, listing(ListingStatus.ACTIVE, "")
                .toBuilder().setCertificateNumberAssigned(true).build())).orElseThrow();
        assertThat(unnumbered.summary()).contains("平台编号 GF-640000-2024-0001").doesNotContain("证书编号");
        assertThat(unnumbered.data()).containsEntry("certificateNumberAssigned", true);

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

    @Test
    void aListOfAYearBeforeLastLoadedNowIsHistoryNotNews() {
        var loaded = ProtoTimes.timestamp(java.time.OffsetDateTime.parse("2026-12-06T06:57:13+08:00"));
        java.util.function.IntFunction<Change> importedIn = year -> change(ChangeKind.LISTING_CREATED,
                listing(ListingStatus.ACTIVE, "").toBuilder().setYear(year).setSource("IMPORT").build()).toBuilder()
                .setOccurredAt(loaded).build();
        assertThat(Announcements.of(importedIn.apply(2019))).as("a 2019 list imported in 2026").isEmpty();
        assertThat(Announcements.of(importedIn.apply(2024))).isEmpty();
        assertThat(Announcements.of(importedIn.apply(2025))).as("last year's list, published late").isPresent();
        assertThat(Announcements.of(importedIn.apply(2026))).isPresent();
        // the workflow's own grant is news whatever its year (a batch of last year decided now)
        var granted = change(ChangeKind.LISTING_CREATED, listing(ListingStatus.ACTIVE, "").toBuilder().setYear(2024)
                .setSource("CERTIFICATION").build()).toBuilder().setOccurredAt(loaded).build();
        assertThat(Announcements.of(granted)).isPresent();
        // what happens later to an old listing is news
        var suspended = change(ChangeKind.STATUS_CHANGED, listing(ListingStatus.SUSPENDED, "年度报告逾期未报送").toBuilder()
                .setYear(2019).build()).toBuilder().setOccurredAt(loaded).build();
        assertThat(Announcements.of(suspended)).isPresent();
    }
}
