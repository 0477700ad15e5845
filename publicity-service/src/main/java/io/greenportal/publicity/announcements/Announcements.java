package io.greenportal.publicity.announcements;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.greenportal.contracts.certification.v1.BatchInfo;
import io.greenportal.contracts.certification.v1.NoticeChange;
import io.greenportal.contracts.registry.v1.Change;
import io.greenportal.contracts.registry.v1.ChangeKind;
import io.greenportal.contracts.registry.v1.Listing;
import io.greenportal.contracts.registry.v1.ListingStatus;
import io.greenportal.platform.grpc.ProtoTimes;
import io.greenportal.publicity.Vocabulary;
import io.greenportal.publicity.search.ListingDocument;

/**
 * Which changes the public is told about, and in what words: a new listing, a suspension
 * (限期整改), a revocation (撤销), a restoration, a batch opening. Creations of listings that are
 * already revoked or loaded from lists of a year before last (history entered for the record) and
 * data corrections are not announced.
 */
public final class Announcements {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** The registry's source of listings the certification workflow granted. */
    private static final String WORKFLOW = "CERTIFICATION";

    private Announcements() {
    }

    public static Optional<Announcement> of(Change change) {
        Listing l = change.getListing();
        Announcement.Kind kind;
        if (change.getKind() == ChangeKind.LISTING_CREATED) {
            if (l.getStatus() == ListingStatus.REVOKED || backFilled(l, change)) {
                return Optional.empty();
            }
            kind = Announcement.Kind.NEW_LISTING;
        } else if (change.getKind() == ChangeKind.STATUS_CHANGED) {
            kind = switch (l.getStatus()) {
                case SUSPENDED -> Announcement.Kind.SUSPENDED;
                case REVOKED -> Announcement.Kind.REVOKED;
                case ACTIVE -> Announcement.Kind.RESTORED;
                default -> null;
            };
            if (kind == null) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        String type = Vocabulary.type(l.getType().name());
        String level = Vocabulary.level(l.getLevel().name());
        String enterprise = l.getEnterprise().getName();
        String subject = ListingDocument.subjectName(l.getSubject());
        String named = subject == null || subject.equals(enterprise) ? enterprise : enterprise + "（" + subject + "）";
        String title = switch (kind) {
            case NEW_LISTING -> "新增" + level + type + "：" + named;
            case SUSPENDED -> "限期整改：" + named + "（" + level + type + "）";
            case REVOKED -> "撤销" + level + type + "称号：" + named;
            case RESTORED -> "恢复" + level + type + "称号：" + named;
            default -> throw new IllegalStateException();
        };
        StringBuilder summary = new StringBuilder();
        summary.append(level).append(type).append("，");
        if (l.getBatch().startsWith(Integer.toString(l.getYear()))) {
            summary.append(l.getBatch());
        } else {
            summary.append(l.getYear()).append("年度");
            if (!l.getBatch().isBlank()) {
                summary.append("（").append(l.getBatch()).append("）");
            }
        }
        // a number the registry made up because the list gave none is not called a certificate's
        summary.append(l.getCertificateNumberAssigned() ? "，平台编号 " : "，证书编号 ").append(l.getCertificateNumber());
        if (!l.getEnterprise().getRegionName().isBlank()) {
            summary.append("，").append(l.getEnterprise().getRegionName());
        }
        summary.append("。");
        if (kind != Announcement.Kind.NEW_LISTING && !l.getStatusReason().isBlank()) {
            summary.append("原因：").append(l.getStatusReason());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("listingId", l.getId());
        data.put("type", l.getType().name());
        data.put("level", l.getLevel().name());
        data.put("year", l.getYear());
        data.put("certificateNumber", l.getCertificateNumber());
        data.put("certificateNumberAssigned", l.getCertificateNumberAssigned());
        data.put("enterpriseName", enterprise);
        if (subject != null) {
            data.put("subjectName", subject);
        }
        data.put("regionCode", l.getEnterprise().getRegionCode());
        data.put("status", l.getStatus().name());
        if (!l.getStatusReason().isBlank()) {
            data.put("reason", l.getStatusReason());
        }
        return Optional.of(new Announcement(0, Announcement.Source.REGISTRY, change.getSequence(), kind,
                ProtoTimes.local(change.getOccurredAt()), l.getId(), title, summary.toString(), data));
    }

    /**
     * A listing loaded from a list (an import of the 十三五 lists, an administrator's entry, the demo
     * data) of a year before last is history entered for the record, not news: announced, a few hundred
     * of them would push every real announcement out of the feed's window. The workflow's own grants,
     * and loaded lists of this year and last (a national list is published late, and imported after),
     * are announced.
     */
    static boolean backFilled(Listing l, Change change) {
        return !WORKFLOW.equals(l.getSource()) && change.hasOccurredAt()
                && l.getYear() < ProtoTimes.local(change.getOccurredAt()).getYear() - 1;
    }

    public static Optional<Announcement> of(NoticeChange change) {
        if (change.getKind() != io.greenportal.contracts.certification.v1.NoticeChangeKind.BATCH_OPENED
                || !change.hasBatch()) {
            return Optional.empty();
        }
        BatchInfo batch = change.getBatch();
        String types = batch.getTypesList().stream().map(t -> Vocabulary.type(t.name()))
                .collect(Collectors.joining("、"));
        StringBuilder summary = new StringBuilder().append(batch.getYear()).append("年度");
        if (!types.isEmpty()) {
            summary.append("，申报类型：").append(types);
        }
        var deadline = ProtoTimes.local(batch.getDeadline());
        if (deadline != null) {
            summary.append("，申报截止 ").append(DAY.format(deadline));
        }
        summary.append("。");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("batchId", batch.getId());
        data.put("name", batch.getName());
        data.put("year", batch.getYear());
        data.put("types", batch.getTypesList().stream().map(Enum::name).toList());
        if (deadline != null) {
            data.put("deadline", deadline.toString());
        }
        var occurred = ProtoTimes.local(change.getOccurredAt());
        if (occurred == null) {
            occurred = ProtoTimes.local(batch.getOpensAt());
        }
        return Optional.of(new Announcement(0, Announcement.Source.CERTIFICATION, change.getSequence(),
                Announcement.Kind.BATCH_OPENED, occurred, null, "申报批次开放：" + batch.getName(), summary.toString(),
                data));
    }
}
