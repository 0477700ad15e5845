package io.greenportal.site.listing;

import java.util.regex.Pattern;

import io.greenportal.site.api.Listing;
import io.greenportal.site.api.PublicApi;
import io.greenportal.site.web.PageMeta;
import io.greenportal.site.web.PageNotFound;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One listing: the enterprise, what was designated (site, park, product or the enterprise itself
 * for a supply chain), level, certificate number, dates, status with its history, indicators. A
 * revoked listing stays readable, marked as revoked with the reason (the public may check a
 * certificate someone shows them).
 */
@Controller
public class ListingController {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PublicApi api;
    private final io.greenportal.site.web.SiteModel site;

    public ListingController(PublicApi api, io.greenportal.site.web.SiteModel site) {
        this.api = api;
        this.site = site;
    }

    @GetMapping("/listings/{id}")
    public String listing(@PathVariable String id, Model model) {
        if (!UUID.matcher(id).matches()) {
            throw new PageNotFound("listing " + id);
        }
        Listing listing = api.listing(id).orElseThrow(() -> new PageNotFound("listing " + id));
        model.addAttribute("listing", listing);
        model.addAttribute("history", StatusHistory.of(listing));
        model.addAttribute("verification", VerificationCode.of(site.siteUrl() + "/listings/" + listing.id()));
        model.addAttribute("page", new PageMeta(listing.title() + "（" + listing.typeName() + "）",
                listing.enterprise().name() + "，" + listing.levelName() + listing.typeName() + "，" + listing.numberLabel() + " "
                        + listing.certificateNumber() + "，状态：" + listing.statusName() + "。",
                "/listings/" + listing.id()));
        return "listing";
    }
}
