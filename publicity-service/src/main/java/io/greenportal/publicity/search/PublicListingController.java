package io.greenportal.publicity.search;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.greenportal.platform.web.ApiException;
import io.greenportal.publicity.cache.PublicCache;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/** The public search (anonymous). Hot answers come from the cache, invalidated by every applied change. */
@RestController
@RequestMapping("/api/v1/public")
public class PublicListingController {

    public static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
    static final int MAX_SUGGEST_Q = 50;

    private final ListingSearch search;
    private final PublicCache cache;
    private final JsonMapper json;

    public PublicListingController(ListingSearch search, PublicCache cache, JsonMapper json) {
        this.search = search;
        this.cache = cache;
        this.json = json;
    }

    @Operation(summary = "Search the green listings: Chinese names by any contiguous part, certificate numbers, credit codes; "
            + "filters, facets, highlighting; page/size for the first 10,000 results, nextCursor beyond. "
            + "Revoked listings only with status=REVOKED or status=ALL.")
    @GetMapping("/listings")
    public ResponseEntity<byte[]> listings(@RequestParam(required = false) String q,
            @RequestParam(required = false) String type, @RequestParam(required = false) String level,
            @RequestParam(required = false) String region, @RequestParam(required = false) String industry,
            @RequestParam(required = false) String year, @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String cursor) {
        ListingFilter filter = ListingFilter.parse(type, level, region, industry, year, ListingFilter.joined(status));
        SearchQuery query = SearchQuery.parse(q, filter, sort, page, size, cursor);
        byte[] body = query.cursor() != null ? json.writeValueAsBytes(search.search(query))
                : cache.get("search", query.cacheKey(), () -> json.writeValueAsBytes(search.search(query)));
        return ResponseEntity.ok().contentType(JSON).body(body);
    }

    @Operation(summary = "One listing with its indicators, whatever its status (a revoked one shows reason and date)")
    @GetMapping("/listings/{id}")
    public ResponseEntity<byte[]> listing(@PathVariable String id) {
        if (!id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw ApiException.invalid("id", "must be a listing id (a UUID)");
        }
        String key = id.toLowerCase(java.util.Locale.ROOT);
        byte[] body = cache.get("listing", key, () -> search.get(key).map(json::writeValueAsBytes).orElse(new byte[0]));
        if (body.length == 0) {
            throw ApiException.notFound("Listing " + id);
        }
        return ResponseEntity.ok().contentType(JSON).body(body);
    }

    @Operation(summary = "Type-ahead: enterprise and subject names containing what was typed (the last part may be incomplete)")
    @GetMapping("/suggest")
    public ResponseEntity<byte[]> suggest(@RequestParam(required = false) String q,
            @RequestParam(required = false) String size) {
        String text = q == null ? null : q.replaceAll("\\p{Cntrl}", " ").strip();
        int count = SearchQuery.number("size", size, 10, 1, 20);
        if (text == null || text.isEmpty()) {
            return ResponseEntity.ok().contentType(JSON).body(json.writeValueAsBytes(Map.of("suggestions", List.of())));
        }
        if (text.codePointCount(0, text.length()) > MAX_SUGGEST_Q) {
            throw ApiException.invalid("q", "must be at most " + MAX_SUGGEST_Q + " characters");
        }
        byte[] body = cache.get("suggest", count + ":" + text,
                () -> json.writeValueAsBytes(Map.of("suggestions", search.suggest(text, count))));
        return ResponseEntity.ok().contentType(JSON).body(body);
    }
}
