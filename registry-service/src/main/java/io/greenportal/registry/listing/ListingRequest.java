package io.greenportal.registry.listing;

import java.util.List;

import io.greenportal.contracts.registry.v1.IndicatorReadings;
import io.greenportal.platform.web.DecimalText;
import io.swagger.v3.oas.annotations.media.Schema;
import io.greenportal.platform.web.FreeText;

/**
 * A listing to register, exactly as a client sent it (REST body, gRPC message or import row):
 * every field is checked by {@link ListingRules} before anything is written.
 */
public record ListingRequest(String type, String level, EnterpriseInput enterprise, Subject subject, Integer year,
        String batch, String certificateNumber, List<IndicatorInput> indicators, String grantedOn, String status,
        @FreeText(max = 500) String statusReason) {

    public record EnterpriseInput(String uscc, String name, String regionCode, String industryCode) {
    }

    public record IndicatorInput(String code, String name,
            @DecimalText @Schema(implementation = java.math.BigDecimal.class) String value, String unit)
            implements IndicatorReadings.Written {
    }
}
