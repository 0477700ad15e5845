package io.greenportal.site.seo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.greenportal.site.api.Listing;
import io.greenportal.site.api.PublicApi;
import io.greenportal.site.api.SearchQuery;
import io.greenportal.site.api.SearchResult;
import io.greenportal.site.web.BeijingTime;
import io.greenportal.site.web.PageNotFound;
import io.greenportal.site.web.SiteModel;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * For search engines: a sitemap index naming the site's pages and one sitemap per listing year
 * (every listing's detail page, revoked ones included: their pages say so). A year stays far below
 * the 50,000 URLs a sitemap may hold, and a file per year is reached by the API's cursor without
 * counting through the years before it.
 */
@Controller
public class SitemapController {

    static final int PER_CALL = 100;
    static final int MAX_URLS = 50_000;
    private static final CacheControl HOURLY = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final PublicApi api;
    private final SiteModel site;

    public SitemapController(PublicApi api, SiteModel site) {
        this.api = api;
        this.site = site;
    }

    @GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<String> index() {
        String siteUrl = site.siteUrl();
        SearchResult all = api.search(new SearchQuery(null, null, null, "ALL", null, null, null, "oldest", 0, 1, null));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("<sitemap><loc>").append(siteUrl).append("/sitemaps/pages.xml</loc></sitemap>\n");
        all.facets().year().stream().map(SearchResult.Facet::value).sorted().forEach(year ->
                xml.append("<sitemap><loc>").append(siteUrl).append("/sitemaps/listings-").append(year)
                        .append(".xml</loc></sitemap>\n"));
        xml.append("</sitemapindex>\n");
        return ResponseEntity.ok().cacheControl(HOURLY).contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    @GetMapping(path = "/sitemaps/pages.xml", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<String> pages() {
        String siteUrl = site.siteUrl();
        List<String> urls = List.of("/", "/search", "/publicity", "/open-data");
        StringBuilder xml = urlset();
        urls.forEach(path -> xml.append("<url><loc>").append(siteUrl).append(path).append("</loc></url>\n"));
        return ResponseEntity.ok().cacheControl(HOURLY).contentType(MediaType.APPLICATION_XML)
                .body(xml.append("</urlset>\n").toString());
    }

    @GetMapping(path = "/sitemaps/listings-{year}.xml", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<String> listings(@PathVariable String year) {
        String siteUrl = site.siteUrl();
        if (!year.matches("(19|20|21)\\d{2}")) {
            throw new PageNotFound("sitemap " + year);
        }
        List<Listing> listings = new ArrayList<>();
        String cursor = null;
        do {
            SearchResult page = api.search(new SearchQuery(null, null, null, "ALL", null, null, year, "oldest", 0,
                    PER_CALL, cursor));
            listings.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && listings.size() < MAX_URLS);
        if (listings.isEmpty()) {
            throw new PageNotFound("sitemap " + year);
        }
        StringBuilder xml = urlset();
        for (Listing listing : listings) {
            xml.append("<url><loc>").append(siteUrl).append("/listings/").append(HtmlUtils.htmlEscape(listing.id()))
                    .append("</loc>");
            if (listing.statusChangedAt() != null) {
                xml.append("<lastmod>").append(BeijingTime.of(listing.statusChangedAt()).toLocalDate()).append("</lastmod>");
            } else if (listing.grantedOn() != null) {
                xml.append("<lastmod>").append(listing.grantedOn()).append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        return ResponseEntity.ok().cacheControl(HOURLY).contentType(MediaType.APPLICATION_XML)
                .body(xml.append("</urlset>\n").toString());
    }

    private static StringBuilder urlset() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    }
}
