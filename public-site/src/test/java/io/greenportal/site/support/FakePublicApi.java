package io.greenportal.site.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.greenportal.site.api.ApiRefusal;
import io.greenportal.site.api.ApiUnavailable;
import io.greenportal.site.api.VisitorAddress;
import io.greenportal.site.api.DataDictionary;
import io.greenportal.site.api.Listing;
import io.greenportal.site.api.Notice;
import io.greenportal.site.api.Notices;
import io.greenportal.site.api.ObjectionReceipt;
import io.greenportal.site.api.ObjectionRequest;
import io.greenportal.site.api.PublicApi;
import io.greenportal.site.api.SearchQuery;
import io.greenportal.site.api.SearchResult;
import io.greenportal.site.api.Statistics;
import io.greenportal.site.api.Targets;

/**
 * The site's API client answering from canned data, shaped like the publicity service's answers
 * (the site's own interface, so the pages are tested without a network and without a stand-in
 * for our own service). Tests set {@link #down} or {@link #objectionRefusal} to see the failures.
 */
public class FakePublicApi implements PublicApi {

    public static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T10:00:00+08:00");
    public static final String CEMENT_ID = "3d1286bc-6694-452f-85ba-3aae2aa9544c";
    public static final String REVOKED_ID = "6e0c6b50-0000-4000-8000-000000000002";
    public static final String OPEN_NOTICE = "223e2f07-f89c-4f18-bdde-c2808d774c55-1";
    public static final String CLOSED_NOTICE = "005c6304-c5be-4f0e-b25d-40053a18e731-1";

    public volatile boolean down;
    public volatile ApiRefusal searchRefusal;
    public volatile ApiRefusal objectionRefusal;
    public volatile long total = 2;
    public final List<SearchQuery> searches = new ArrayList<>();
    public final List<VisitorAddress> objectionClients = new ArrayList<>();
    public final List<ObjectionRequest> objections = new ArrayList<>();

    public static final Listing CEMENT = new Listing(CEMENT_ID, "GREEN_PRODUCT", "绿色设计产品", "MUNICIPAL", "市级",
            "ACTIVE", "有效", null, null, "GD-640100-2024-0001", false, 2024, "2024年度第1批", LocalDate.of(2024, 12, 31),
            new Listing.Enterprise("宁夏明珠水泥有限公司", "91640105MA70001213", "640105", "西夏区", "640100", "640000",
                    "C30", "非金属矿物制品业"),
            "通用硅酸盐水泥 P·O 42.5", Map.of("productName", "通用硅酸盐水泥", "productModel", "P·O 42.5",
                    "evaluationStandard", "T/CAGP 绿色设计产品评价技术规范"),
            List.of(new Listing.Indicator("ENERGY", "单位产品综合能耗", "0.31", "tce/万元")),
            Map.of("enterpriseName", "宁夏明珠<em>水泥</em>有限公司", "subjectName", "通用硅酸盐<em>水泥</em> P·O 42.5"));

    public static final Listing REVOKED = new Listing(REVOKED_ID, "GREEN_FACTORY", "绿色工厂", "PROVINCIAL", "省级",
            "REVOKED", "撤销", "发生较大环境污染事件", OffsetDateTime.parse("2026-03-01T16:30:00Z"),
            "GF-640000-2021-0007", true, 2021, "2021年度第1批", null, // an imported list that gives only its year and no number
            new Listing.Enterprise("大同<script>alert(1)</script>冀东水泥有限责任公司", "91140200MA0000000X", "140200", "大同市",
                    "140200", "140000", "C30", "非金属矿物制品业"),
            null, Map.of(), List.of(),
            Map.of("enterpriseName", "大同&lt;script&gt;alert(1)&lt;/script&gt;冀东<em>水泥</em>有限责任公司"));

    @Override
    public SearchResult search(SearchQuery query) {
        failIfDown();
        synchronized (searches) {
            searches.add(query);
        }
        if (searchRefusal != null) {
            throw searchRefusal;
        }
        SearchResult.Facets facets = query.cursor() != null ? null : new SearchResult.Facets(
                List.of(new SearchResult.Facet("GREEN_PRODUCT", "绿色设计产品", 1), new SearchResult.Facet("GREEN_FACTORY", "绿色工厂", 1)),
                List.of(new SearchResult.Facet("MUNICIPAL", "市级", 1), new SearchResult.Facet("PROVINCIAL", "省级", 1)),
                List.of(new SearchResult.Facet("640100", "银川市", 1), new SearchResult.Facet("140200", "大同市", 1)),
                List.of(new SearchResult.Facet("C30", "非金属矿物制品业", 2)),
                List.of(new SearchResult.Facet("2024", null, 1), new SearchResult.Facet("2021", null, 1)),
                List.of(new SearchResult.Facet("ACTIVE", "有效", 1), new SearchResult.Facet("SUSPENDED", "限期整改", 1)));
        boolean more = (long) (query.page() + 1) * query.size() < total || query.cursor() != null;
        // as the API: a page past the last result is empty, with the total
        boolean past = query.cursor() == null && (long) query.page() * query.size() >= total;
        // as the API: the search's region filter named (the facets count the level below it)
        Map<String, SearchResult.Named> selected = query.region() == null ? null : Map.of("region",
                new SearchResult.Named(query.region(), Map.of("640000", "宁夏回族自治区", "640100", "银川市").get(query.region())));
        return new SearchResult(past ? List.of() : List.of(CEMENT, REVOKED), total, query.page(), query.size(),
                more ? "cursor-after-" + query.page() : null, facets, 3L, selected);
    }

    @Override
    public Optional<Listing> listing(String id) {
        failIfDown();
        return Optional.ofNullable(switch (id) {
            case CEMENT_ID -> CEMENT;
            case REVOKED_ID -> REVOKED;
            default -> null;
        });
    }

    @Override
    public Statistics statistics() {
        failIfDown();
        return new Statistics(NOW, 256,
                List.of(new SearchResult.Facet("GREEN_FACTORY", "绿色工厂", 151), new SearchResult.Facet("GREEN_PARK", "绿色园区", 13),
                        new SearchResult.Facet("GREEN_PRODUCT", "绿色设计产品", 77),
                        new SearchResult.Facet("GREEN_SUPPLY_CHAIN", "绿色供应链管理企业", 15)),
                List.of(), List.of(new SearchResult.Facet("NATIONAL", "国家级", 80), new SearchResult.Facet("PROVINCIAL", "省级", 138),
                        new SearchResult.Facet("MUNICIPAL", "市级", 38)),
                List.of(),
                List.of(new SearchResult.Facet("640000", "宁夏回族自治区", 247), new SearchResult.Facet("140000", "山西省", 9)),
                List.of(new Statistics.Row("GREEN_FACTORY", "绿色工厂", 2021, "PROVINCIAL", "省级", "640100", "银川市", 30),
                        new Statistics.Row("GREEN_PARK", "绿色园区", 2021, "PROVINCIAL", "省级", "640300", "吴忠市", 4),
                        new Statistics.Row("GREEN_PRODUCT", "绿色设计产品", 2023, "NATIONAL", "国家级", "640100", "银川市", 12)));
    }

    @Override
    public Targets targets() {
        failIfDown();
        return new Targets(NOW, true, List.of(
                new Targets.Target(9, "140200", "大同市", "GREEN_FACTORY", "绿色工厂", null, null, 2025, 80,
                        "大同市推进工业绿色发展行动计划（2022-2025年）", null, 7L, new BigDecimal("8.8"), 73L, false),
                new Targets.Target(1, "640000", "宁夏回族自治区", "GREEN_FACTORY", "绿色工厂", null, null, 2021, 70,
                        "推动工业绿色改造三年行动计划（2021-2023年）", null, 66L, new BigDecimal("94.3"), 4L, false),
                new Targets.Target(3, "640000", "宁夏回族自治区", "GREEN_FACTORY", "绿色工厂", null, null, 2023, 100,
                        "推动工业绿色改造三年行动计划（2021-2023年）", null, 101L, new BigDecimal("101.0"), 0L, true)));
    }

    // the open notice's and the revoked listing's times arrive in UTC, as a JSON reader hands them over
    // (on the day before in Beijing for the start and the revocation): the pages must show Beijing time
    public static final Notice OPEN = new Notice(OPEN_NOTICE, "223e2f07-f89c-4f18-bdde-c2808d774c55", "b1", "2026年度自治区级绿色制造名单申报",
            2026, "GREEN_FACTORY", "绿色工厂", "宁夏绿源新材料有限公司", "91640100MA76A00010", "640106", "C26", "宁东生产基地",
            OffsetDateTime.parse("2026-05-29T23:00:00Z"), OffsetDateTime.parse("2026-06-03T05:30:00Z"), "PENDING",
            null, null);
    public static final Notice CLOSED = new Notice(CLOSED_NOTICE, "005c6304-c5be-4f0e-b25d-40053a18e731", "b1", "2026年度自治区级绿色制造名单申报",
            2026, "GREEN_SUPPLY_CHAIN", "绿色供应链管理企业", "宁夏绿源新材料有限公司", "91640100MA76A00010", "640106", "C26",
            "宁夏绿源新材料有限公司", OffsetDateTime.parse("2026-05-01T10:00:00+08:00"), OffsetDateTime.parse("2026-05-06T10:00:00+08:00"),
            "APPROVED", CEMENT_ID, "GS-640000-2026-0001");

    @Override
    public Notices notices(int page, int size) {
        failIfDown();
        return new Notices(NOW, List.of(OPEN), new Notices.Past(page == 0 ? List.of(CLOSED) : List.of(), page, size, 1),
                List.of(new Notices.Batch("b1", "2026年度自治区级绿色制造名单申报", 2026, List.of("GREEN_FACTORY", "GREEN_PARK"),
                        NOW.minusDays(10), NOW.plusDays(50), 5)));
    }

    @Override
    public Optional<Notice> notice(String id) {
        failIfDown();
        return Optional.ofNullable(switch (id) {
            case OPEN_NOTICE -> OPEN;
            case CLOSED_NOTICE -> CLOSED;
            default -> null;
        });
    }

    @Override
    public DataDictionary dictionary() {
        failIfDown();
        return new DataDictionary(List.of(new DataDictionary.Column("certificate_number", "string", "Certificate number, unique in the registry", "证书编号，在登记簿中唯一"),
                new DataDictionary.Column("type", "code", "GREEN_FACTORY | GREEN_PARK | GREEN_PRODUCT | GREEN_SUPPLY_CHAIN", null)));
    }

    @Override
    public ObjectionReceipt fileObjection(String applicationId, ObjectionRequest objection, VisitorAddress visitor) {
        failIfDown();
        if (objectionRefusal != null) {
            throw objectionRefusal;
        }
        synchronized (objections) {
            objections.add(objection);
            objectionClients.add(visitor);
        }
        return new ObjectionReceipt(UUID.randomUUID().toString(), applicationId, "PENDING", NOW);
    }

    private void failIfDown() {
        if (down) {
            throw new ApiUnavailable("publicity service: connection refused", null);
        }
    }
}
