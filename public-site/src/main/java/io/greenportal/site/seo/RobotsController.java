package io.greenportal.site.seo;

import java.time.Duration;

import io.greenportal.site.web.SiteModel;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Crawlers may read every page; they find listings through the sitemap rather than through
 * endless combinations of search filters, and never post or open objection forms.
 */
@RestController
public class RobotsController {

    private final SiteModel site;

    public RobotsController(SiteModel site) {
        this.site = site;
    }

    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    public ResponseEntity<String> robots() {
        String siteUrl = site.siteUrl();
        String body = """
                User-agent: *
                Allow: /
                Disallow: /search
                Disallow: /publicity/*/objection
                Disallow: /api/
                Disallow: /oauth2/
                Disallow: /login
                Disallow: /account

                Sitemap: %s/sitemap.xml
                """.formatted(siteUrl);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)).body(body);
    }
}
