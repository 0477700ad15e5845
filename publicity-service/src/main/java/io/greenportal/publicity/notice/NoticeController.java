package io.greenportal.publicity.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.greenportal.platform.web.ApiException;
import io.greenportal.platform.web.PageParameters;
import io.greenportal.publicity.cache.PublicCache;
import io.greenportal.publicity.search.PublicListingController;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/** Publicity notices (公示), anonymous: the ones running now with their end dates, and past ones. */
@RestController
@RequestMapping("/api/v1/public/notices")
public class NoticeController {

    private final NoticeStore notices;
    private final PublicCache cache;
    private final JsonMapper json;
    private final Clock clock;

    public NoticeController(NoticeStore notices, PublicCache cache, JsonMapper json, Clock clock) {
        this.notices = notices;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
    }

    public record PastPage(List<Notice> items, int page, int size, long total) {
    }

    public record Notices(OffsetDateTime asOf, List<Notice> current, PastPage past, List<Batch> openBatches) {
    }

    @Operation(summary = "Current publicity notices (outcome PENDING, ending in the future) with their end dates, "
            + "past notices (paged, latest end first) and the open application batches")
    @GetMapping
    public ResponseEntity<byte[]> notices(@RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        int p = number("page", page, 0, 0, PageParameters.MAX_PAGE);
        int s = number("size", size, PageParameters.DEFAULT_SIZE, 1, PageParameters.MAX_SIZE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // the split into current and past moves with time, not only with changes: keys last 10 s
        String key = p + ":" + s + ":" + now.toEpochSecond() / 10;
        byte[] body = cache.get("notices", key, () -> json.writeValueAsBytes(new Notices(now, notices.current(now),
                new PastPage(notices.past(now, p * s, s), p, s, notices.countPast(now)), notices.openBatches(now))));
        return ResponseEntity.ok().contentType(PublicListingController.JSON).body(body);
    }

    @Operation(summary = "One publicity notice")
    @GetMapping("/{id}")
    public Notice notice(@PathVariable String id) {
        if (id.length() > 100) {
            throw ApiException.invalid("id", "is too long");
        }
        return notices.find(id).orElseThrow(() -> ApiException.notFound("Notice " + id));
    }

    static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String digits = value.strip();
        if (!digits.matches("-?[0-9]{1,9}")) {
            throw ApiException.invalid(field, "must be a whole number between " + min + " and " + max);
        }
        int number = Integer.parseInt(digits);
        if (number < min || number > max) {
            throw ApiException.invalid(field, "must be between " + min + " and " + max);
        }
        return number;
    }
}
