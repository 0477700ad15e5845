package io.greenportal.certification.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.greenportal.contracts.registry.v1.IndicatorReadings;
import io.greenportal.platform.web.DecimalText;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The enterprise's draft as sent: every field may still be missing while it is a draft (submission
 * checks completeness), but a field that is present must be valid. {@code batchId} and {@code type}
 * are fixed when the application is created.
 */
public record ApplicationRequest(UUID batchId, String type, String enterpriseName, String regionCode,
        String industryCode, Subject subject, BigDecimal selfScore, List<IndicatorInput> indicators,
        String evaluationBody, String evaluationReport) {

    public record IndicatorInput(String code, String name,
            @DecimalText @Schema(implementation = java.math.BigDecimal.class) String value, String unit)
            implements IndicatorReadings.Written {
    }
}
