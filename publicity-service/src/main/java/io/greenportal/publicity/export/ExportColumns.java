package io.greenportal.publicity.export;

import java.time.format.DateTimeFormatter;
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

    /** A column: its key, its kind, what it holds in English and in Chinese (the site shows the latter), its value. */
    public record Column(String name, String type, String description, String descriptionZh,
            Function<ListingDocument, Object> value) {
    }

    // one shape for every row of a datetime column (the value's own toString drops zero seconds and
    // keeps nanoseconds), so that spreadsheets and scripts parse the whole column alike
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    public static final List<Column> ALL = List.of(
            new Column("id", "uuid", "Listing id in the registry (a UUID; not a certificate number)", "名单在登记簿中的标识（UUID，并非证书编号）",
                ListingDocument::id),
            new Column("certificate_number", "string", "Certificate number (证书编号), unique in the registry", "证书编号，在登记簿中唯一",
                ListingDocument::certificateNumber),
            new Column("certificate_number_assigned", "boolean", "true when the list gave no certificate number and certificate_number is the number the registry assigned (平台编号), not an issuer's",
                "为 true 时名单未载明证书编号，certificate_number 为本平台编配的编号（平台编号），并非发证机关的证书编号",
                ListingDocument::certificateNumberAssigned),
            new Column("type", "code", "GREEN_FACTORY | GREEN_PARK | GREEN_PRODUCT | GREEN_SUPPLY_CHAIN", "名单类型代码：GREEN_FACTORY 绿色工厂，GREEN_PARK 绿色园区，GREEN_PRODUCT 绿色设计产品，GREEN_SUPPLY_CHAIN 绿色供应链管理企业",
                ListingDocument::type),
            new Column("type_name", "string", "绿色工厂 | 绿色园区 | 绿色设计产品 | 绿色供应链管理企业", "名单类型：绿色工厂、绿色园区、绿色设计产品、绿色供应链管理企业",
                d -> Vocabulary.type(d.type())),
            new Column("level", "code", "NATIONAL | PROVINCIAL | MUNICIPAL", "级别代码：NATIONAL 国家级，PROVINCIAL 省级，MUNICIPAL 市级",
                ListingDocument::level),
            new Column("level_name", "string", "国家级 | 省级 | 市级", "级别：国家级、省级、市级",
                d -> Vocabulary.level(d.level())),
            new Column("status", "code", "ACTIVE | SUSPENDED (限期整改) | REVOKED (撤销)", "状态代码：ACTIVE 有效，SUSPENDED 限期整改，REVOKED 撤销",
                ListingDocument::status),
            new Column("status_reason", "string", "Reason of the last status change (suspension, revocation, restoration); empty when active since granted", "最近一次状态变更（限期整改、撤销、恢复）的原因；自授予以来一直有效的为空",
                ListingDocument::statusReason),
            new Column("status_changed_at", "datetime", "When the status last changed, ISO-8601 to the second with offset (Asia/Shanghai), e.g. 2026-12-06T01:23:59+08:00",
                "最近一次状态变更的时间（北京时间，ISO-8601，精确到秒，带时区），如 2026-12-06T01:23:59+08:00",
                d -> d.statusChangedAt() == null ? null : SECONDS.format(Times.local(d.statusChangedAt()))),
            new Column("year", "integer", "Year of the designation (年度)", "认定年度",
                ListingDocument::year),
            new Column("batch", "string", "Batch (批次), e.g. 2024年度第1批", "批次，如 2024年度第1批",
                ListingDocument::batch),
            new Column("granted_on", "date", "Day the designation took effect (YYYY-MM-DD); empty when the list gives only its year",
                "认定生效日期（年-月-日）；名单只载明年度的为空",
                ListingDocument::grantedOn),
            new Column("enterprise_name", "string", "Enterprise or park management committee (企业名称)", "企业或园区管理委员会名称",
                ListingDocument::enterpriseName),
            new Column("uscc", "string", "Unified social credit code (统一社会信用代码, GB 32100-2015)", "统一社会信用代码（GB 32100-2015）",
                ListingDocument::uscc),
            new Column("region_code", "code", "Region of the enterprise (GB/T 2260)", "企业所在地区代码（GB/T 2260）",
                ListingDocument::regionCode),
            new Column("region_name", "string", "Name of the region", "企业所在地区名称",
                ListingDocument::regionName),
            new Column("city_code", "code", "City (地级) the region belongs to (GB/T 2260)", "所属地级市代码（GB/T 2260）",
                ListingDocument::cityCode),
            new Column("province_code", "code", "Province (GB/T 2260)", "所属省份代码（GB/T 2260）",
                ListingDocument::provinceCode),
            new Column("industry_code", "code", "Industry division (GB/T 4754-2017), e.g. C30", "行业大类代码（GB/T 4754-2017），如 C30",
                ListingDocument::industryCode),
            new Column("industry_name", "string", "Name of the industry division", "行业大类名称",
                ListingDocument::industryName),
            new Column("subject_name", "string", "What was designated: site, park, or product with model", "认定对象：工厂、园区，或产品及型号",
                ListingDocument::subjectName),
            new Column("site_name", "string", "GREEN_FACTORY: the production site", "绿色工厂：生产厂区名称",
                ListingDocument::siteName),
            new Column("park_name", "string", "GREEN_PARK: the park", "绿色园区：园区名称",
                ListingDocument::parkName),
            new Column("product_name", "string", "GREEN_PRODUCT: the product", "绿色设计产品：产品名称",
                ListingDocument::productName),
            new Column("product_model", "string", "GREEN_PRODUCT: model / specification", "绿色设计产品：型号规格",
                ListingDocument::productModel),
            new Column("product_category", "string", "GREEN_PRODUCT: category", "绿色设计产品：产品类别",
                ListingDocument::productCategory),
            new Column("evaluation_standard", "string", "Evaluation standard the designation was assessed by", "评价所依据的标准",
                ListingDocument::evaluationStandard),
            new Column("indicators", "string", "Indicators as code=value unit, separated by ';' (JSON export: an array of {code, name, value, unit}); values are exact decimals", "指标，格式为 代码=数值 单位，以分号分隔（JSON 导出为 {code, name, value, unit} 数组）；数值为精确小数",
                ExportColumns::indicators));

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
