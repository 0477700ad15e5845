package io.greenportal.certification.engagement;

import java.util.List;
import java.util.Map;

import io.greenportal.certification.application.ListingType;

/**
 * The first-level aspects of the evaluation standard of each listing type, which an evaluation report
 * scores one by one: for factories the seven of GB/T 36132-2018 (绿色工厂评价通则).
 */
public final class EvaluationAspects {

    public static final Map<ListingType, List<String>> BY_TYPE = Map.of(
            // GB/T 36132: 基本要求, 基础设施, 管理体系, 能源与资源投入, 产品, 环境排放, 绩效
            ListingType.GREEN_FACTORY, List.of("BASIC_REQUIREMENTS", "INFRASTRUCTURE", "MANAGEMENT_SYSTEM",
                    "ENERGY_RESOURCE_INPUT", "PRODUCTS", "ENVIRONMENTAL_EMISSIONS", "PERFORMANCE"),
            // 绿色园区评价要求: 能源利用, 资源利用, 基础设施, 产业, 生态环境, 运行管理
            ListingType.GREEN_PARK, List.of("ENERGY_USE", "RESOURCE_USE", "INFRASTRUCTURE", "INDUSTRY",
                    "ECO_ENVIRONMENT", "OPERATION_MANAGEMENT"),
            // GB/T 32161 绿色设计产品评价: 资源属性, 能源属性, 环境属性, 品质属性
            ListingType.GREEN_PRODUCT, List.of("RESOURCE_ATTRIBUTES", "ENERGY_ATTRIBUTES", "ENVIRONMENTAL_ATTRIBUTES",
                    "QUALITY_ATTRIBUTES"),
            // 绿色供应链管理企业评价要求: 管理战略, 供应商管理, 绿色生产, 绿色回收, 信息平台, 信息披露
            ListingType.GREEN_SUPPLY_CHAIN, List.of("STRATEGY", "SUPPLIER_MANAGEMENT", "GREEN_PRODUCTION",
                    "GREEN_RECYCLING", "INFORMATION_PLATFORM", "INFORMATION_DISCLOSURE"));

    private EvaluationAspects() {
    }

    public static List<String> of(ListingType type) {
        return BY_TYPE.get(type);
    }
}
