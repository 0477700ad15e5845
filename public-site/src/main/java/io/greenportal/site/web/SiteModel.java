package io.greenportal.site.web;

import io.greenportal.site.SiteProperties;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the public address (canonical and Open Graph links). */
@ControllerAdvice
public class SiteModel {

    private final String siteUrl;

    public SiteModel(SiteProperties properties) {
        String url = properties.publicUrl().toString();
        this.siteUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @ModelAttribute("siteUrl")
    public String siteUrl() {
        return siteUrl;
    }
}
