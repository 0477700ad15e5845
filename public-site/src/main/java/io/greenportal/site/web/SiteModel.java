package io.greenportal.site.web;

import io.greenportal.site.SiteProperties;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page's layout needs: the public address (canonical and Open Graph links, sitemaps).
 * Configured ({@code GP_SITE_PUBLIC_URL}), or else the address the visitor used, which the gateway
 * passes on in its X-Forwarded-* headers (the site is reachable only through it), so no
 * installation has to write its host name here too.
 */
@ControllerAdvice
public class SiteModel {

    private final String configured;

    public SiteModel(SiteProperties properties) {
        String url = properties.publicUrl() == null ? "" : properties.publicUrl().toString();
        this.configured = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @ModelAttribute("siteUrl")
    public String siteUrl() {
        if (!configured.isEmpty()) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().replacePath(null).build().toUriString();
    }
}
