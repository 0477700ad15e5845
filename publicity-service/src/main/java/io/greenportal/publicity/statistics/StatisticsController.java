package io.greenportal.publicity.statistics;

import java.util.List;

import io.greenportal.publicity.cache.PublicCache;
import io.greenportal.publicity.search.ListingFilter;
import io.greenportal.publicity.search.PublicListingController;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/** Public statistics (anonymous), cached until the next applied change. */
@RestController
@RequestMapping("/api/v1/public/statistics")
public class StatisticsController {

    private final Statistics statistics;
    private final PublicCache cache;
    private final JsonMapper json;

    public StatisticsController(Statistics statistics, PublicCache cache, JsonMapper json) {
        this.statistics = statistics;
        this.cache = cache;
        this.json = json;
    }

    @Operation(summary = "Counts of listings by type × year × level × region (city), with totals per dimension; "
            + "the same filters as the search (by default active and suspended listings)")
    @GetMapping
    public ResponseEntity<byte[]> statistics(@RequestParam(required = false) String type,
            @RequestParam(required = false) String level, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) String year,
            @RequestParam(required = false) List<String> status) {
        ListingFilter filter = ListingFilter.parse(type, level, region, industry, year, ListingFilter.joined(status));
        byte[] body = cache.get("statistics", filter.key(), () -> json.writeValueAsBytes(statistics.report(filter)));
        return ResponseEntity.ok().contentType(PublicListingController.JSON).body(body);
    }
}
