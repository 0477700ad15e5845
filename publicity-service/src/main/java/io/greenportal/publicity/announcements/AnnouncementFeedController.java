package io.greenportal.publicity.announcements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import io.greenportal.platform.web.Times;
import io.greenportal.publicity.PublicityProperties;
import io.greenportal.publicity.cache.PublicCache;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The announcements feed, anonymous, as Atom and JSON Feed 1.1: the latest 50 entries. Responses
 * carry an ETag (a digest of the body) and Last-Modified (when the newest entry was recorded);
 * a revalidation with either answers 304. Rendered feeds are cached and invalidated by new entries.
 * Like the other public reads they may be kept for {@code public-max-age} (1 s): feed readers poll
 * every few minutes, and on a publicity day the gateway then answers the crowd from memory.
 */
@RestController
@RequestMapping("/api/v1/public")
public class AnnouncementFeedController {

    static final int ENTRIES = 50;
    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    static final MediaType JSON_FEED = new MediaType("application", "feed+json", StandardCharsets.UTF_8);

    private final AnnouncementStore store;
    private final PublicCache cache;
    private final JsonMapper json;
    private final Clock clock;
    private final CacheControl cacheControl;
    private final String base;

    public AnnouncementFeedController(AnnouncementStore store, PublicCache cache, JsonMapper json, Clock clock,
            PublicityProperties properties, @Value("${greenportal.public-base-url}") String publicBaseUrl) {
        // the portal's configured origin, never a request's Host or X-Forwarded-* (a caller that
        // reached the service directly could otherwise point every link of the feed elsewhere)
        this.base = publicBaseUrl.replaceAll("/+$", "");
        this.store = store;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
        this.cacheControl = CacheControl.maxAge(properties.cache().publicMaxAge()).cachePublic();
    }

    /** A rendered feed with its validators, as cached: "etag\nlastModifiedMillis\nbody". */
    record Rendered(String etag, long lastModified, String body) {
        String pack() {
            return etag + "\n" + lastModified + "\n" + body;
        }

        static Rendered unpack(String packed) {
            int a = packed.indexOf('\n');
            int b = packed.indexOf('\n', a + 1);
            return new Rendered(packed.substring(0, a), Long.parseLong(packed.substring(a + 1, b)), packed.substring(b + 1));
        }
    }

    @Operation(summary = "Announcements as Atom: new listings, suspensions, revocations, restorations, batch openings")
    @GetMapping("/feed.atom")
    public ResponseEntity<String> atom(WebRequest request) {
        return respond(request, ATOM, "atom");
    }

    @Operation(summary = "Announcements as JSON Feed 1.1 (extension _greenportal carries the listing's codes)")
    @GetMapping("/feed.json")
    public ResponseEntity<String> jsonFeed(WebRequest request) {
        return respond(request, JSON_FEED, "json");
    }

    private ResponseEntity<String> respond(WebRequest request, MediaType type, String format) {
        Rendered rendered = Rendered.unpack(new String(cache.get("feed", format + ":" + base,
                () -> render(format, base).pack().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
        if (request.checkNotModified(rendered.etag(), rendered.lastModified())) {
            return null;
        }
        return ResponseEntity.ok().contentType(type).cacheControl(cacheControl)
                .eTag(rendered.etag()).lastModified(rendered.lastModified()).body(rendered.body());
    }

    private Rendered render(String format, String base) {
        List<Announcement> entries = store.latest(ENTRIES);
        var version = store.version();
        OffsetDateTime lastModified = version.lastRecorded() != null ? version.lastRecorded()
                : Times.local(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        OffsetDateTime updated = entries.isEmpty() ? lastModified : entries.getFirst().occurredAt();
        String body = "atom".equals(format) ? FeedRenderer.atom(base, entries, updated)
                : FeedRenderer.json(json, base, entries);
        return new Rendered("\"" + digest(body) + "\"", lastModified.toInstant().toEpochMilli(), body);
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
