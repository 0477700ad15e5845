package io.greenportal.publicity.export;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.greenportal.platform.web.Times;
import io.greenportal.publicity.Vocabulary;
import io.greenportal.publicity.search.ListingDocument;

/**
 * The open-data columns, in order: the CSV header, the JSON export's keys and the column
 * dictionary ({@code GET /export/dictionary}, README) all come from this one list.
 */
public final class ExportColumns {

    public record Column(String name, String type, String description, Function<ListingDocument, Object> value) {
    }

    public static final List<Column> ALL = List.of(
            new Column("id", "uuid", "Listing id in the registry (登记编号)", ListingDocument::id),
            new Column("certificate_number", "string", "Certificate number (证书编号), unique in the registry", ListingDocument::certificateNumber),
            new Column("type", "code", "GREEN_FACTORY | GREEN_PARK | GREEN_PRODUCT | GREEN_SUPPLY_CHAIN", ListingDocument::type),
            new Column("type_name", "string", "绿色工厂 | 绿色园区 | 绿色设计产品 | 绿色供应链管理企业", d -> Vocabulary.type(d.type())),
            new Column("level", "code", "NATIONAL | PROVINCIAL | MUNICIPAL", ListingDocument::level),
            new Column("level_name", "string", "国家级 | 省级 | 市级", d -> Vocabulary.level(d.level())),
            new Column("status", "code", "ACTIVE | SUSPENDED (限期整改) | REVOKED (撤销)", ListingDocument::status),
            new Column("status_reason", "string", "Reason of the last status change (suspension, revocation, restoration); empty when active since granted", ListingDocument::statusReason),
            new Column("status_changed_at", "datetime", "When the status last changed, ISO-8601 with offset (Asia/Shanghai)", d -> Times.local(d.statusChangedAt())),
            new Column("year", "integer", "Year of the designation (年度)", ListingDocument::year),
            new Column("batch", "string", "Batch (批次), e.g. 2024年度第1批", ListingDocument::batch),
            new Column("granted_on", "date", "Day the designation took effect (YYYY-MM-DD)", ListingDocument::grantedOn),
            new Column("enterprise_name", "string", "Enterprise or park management committee (企业名称)", ListingDocument::enterpriseName),
            new Column("uscc", "string", "Unified social credit code (统一社会信用代码, GB 32100-2015)", ListingDocument::uscc),
            new Column("region_code", "code", "Region of the enterprise (GB/T 2260)", ListingDocument::regionCode),
            new Column("region_name", "string", "Name of the region", ListingDocument::regionName),
            new Column("city_code", "code", "City (地级) the region belongs to (GB/T 2260)", ListingDocument::cityCode),
            new Column("province_code", "code", "Province (GB/T 2260)", ListingDocument::provinceCode),
            new Column("industry_code", "code", "Industry division (GB/T 4754-2017), e.g. C30", ListingDocument::industryCode),
            new Column("industry_name", "string", "Name of the industry division", ListingDocument::industryName),
            new Column("subject_name", "string", "What was designated: site, park, or product with model", ListingDocument::subjectName),
            new Column("site_name", "string", "GREEN_FACTORY: the production site", ListingDocument::siteName),
            new Column("park_name", "string", "GREEN_PARK: the park", ListingDocument::parkName),
            new Column("product_name", "string", "GREEN_PRODUCT: the product", ListingDocument::productName),
            new Column("product_model", "string", "GREEN_PRODUCT: model / specification", ListingDocument::productModel),
            new Column("product_category", "string", "GREEN_PRODUCT: category", ListingDocument::productCategory),
            new Column("evaluation_standard", "string", "Evaluation standard the designation was assessed by", ListingDocument::evaluationStandard),
            new Column("indicators", "string", "Indicators as code=value unit, separated by ';' (JSON export: an array of {code, name, value, unit}); values are exact decimals", ExportColumns::indicators));

    private ExportColumns() {
    }

    static String indicators(ListingDocument d) {
        if (d.indicators() == null || d.indicators().isEmpty()) {
            return null;
        }
        return d.indicators().stream()
                .map(i -> i.code() + "=" + i.value() + (i.unit() == null ? "" : " " + i.unit()))
                .collect(Collectors.joining("; "));
    }
}
