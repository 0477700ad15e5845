package io.greenportal.certification.support;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenportal.certification.application.Application;
import io.greenportal.certification.application.ApplicationState;
import io.greenportal.certification.application.Indicator;
import io.greenportal.certification.application.ListingType;
import io.greenportal.certification.application.Subject;

/** Applications as unit tests of the rules need them, built without a database. */
public final class Applications {

    public static final UUID BATCH = UUID.fromString("0b0a0000-0000-4000-8000-000000002025");
    public static final OffsetDateTime CREATED = OffsetDateTime.parse("2025-03-10T09:30:00+08:00");

    private Applications() {
    }

    /**
     * ent-a's green-factory application for its site in 银川市金凤区 (640106, city 640100), complete,
     * in {@code state} and {@code round}.
     */
    public static Application factory(ApplicationState state, int round) {
        return new Application(UUID.fromString("a9911ca7-0000-4000-8000-000000000001"), BATCH, Callers.ENT_A, "ent-a",
                ListingType.GREEN_FACTORY, state, round, "宁夏绿源新材料有限公司", "640106", "640100", "C30",
                new Subject("金凤区新材料生产基地", null, null, null, null, "GB/T 36132-2018 绿色工厂评价通则"),
                new BigDecimal("86.50"),
                List.of(new Indicator("ENERGY_PER_VALUE_ADDED", "单位工业增加值能耗", new BigDecimal("0.352"), "tce/万元")),
                "宁夏节能技术服务中心", "NXJN-2025-017 绿色工厂第三方评价报告", null, null, null, null, null, CREATED,
                CREATED);
    }

    /** The same application as if it were in another city's region. */
    public static Application inRegion(Application a, String regionCode, String cityCode) {
        return new Application(a.id(), a.batchId(), a.uscc(), a.owner(), a.type(), a.state(), a.round(),
                a.enterpriseName(), regionCode, cityCode, a.industryCode(), a.subject(), a.selfScore(), a.indicators(),
                a.evaluationBody(), a.evaluationReport(), a.expertMean(), a.publicityStartsAt(), a.publicityEndsAt(),
                a.listingId(), a.certificateNumber(), a.createdAt(), a.updatedAt());
    }

    /** The same application published for the batch's publicity days from {@code startsAt}. */
    public static Application inPublicity(Application a, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return new Application(a.id(), a.batchId(), a.uscc(), a.owner(), a.type(), a.state(), a.round(),
                a.enterpriseName(), a.regionCode(), a.cityCode(), a.industryCode(), a.subject(), a.selfScore(),
                a.indicators(), a.evaluationBody(), a.evaluationReport(), new BigDecimal("84.33"), startsAt, endsAt,
                a.listingId(), a.certificateNumber(), a.createdAt(), a.updatedAt());
    }

    /** The same application once the registry has listed it. */
    public static Application registered(Application a, UUID listingId, String certificateNumber) {
        return new Application(a.id(), a.batchId(), a.uscc(), a.owner(), a.type(), a.state(), a.round(),
                a.enterpriseName(), a.regionCode(), a.cityCode(), a.industryCode(), a.subject(), a.selfScore(),
                a.indicators(), a.evaluationBody(), a.evaluationReport(), a.expertMean(), a.publicityStartsAt(),
                a.publicityEndsAt(), listingId, certificateNumber, a.createdAt(), a.updatedAt());
    }

    /** An application of {@code type} with a bare subject and nothing filled in but its type. */
    public static Application empty(ListingType type) {
        return new Application(UUID.randomUUID(), BATCH, Callers.ENT_A, "ent-a", type, ApplicationState.DRAFT, 0, null,
                null, null, null, Subject.NONE, null, List.of(), null, null, null, null, null, null, null, CREATED,
                CREATED);
    }
}
