package io.greenportal.site;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the public API answers and how the pages are served.
 *
 * @param publicityUrl   the publicity service (its {@code /api/v1/public/**}): search, notices, statistics
 * @param certificationUrl the certification service: only its public objection intake is used
 * @param publicUrl      the address visitors use (the gateway or the ingress): canonical links, sitemap, Open Graph
 * @param pageMaxAge     how long browsers and shared caches may reuse a page without asking again
 * @param connectTimeout time to reach a service
 * @param readTimeout    time for a service to answer
 * @param sharedAnswers  how long answers every visitor shares (statistics, targets, notices) are reused
 */
@ConfigurationProperties("greenportal.site")
public record SiteProperties(URI publicityUrl, URI certificationUrl, URI publicUrl, Duration pageMaxAge,
        Duration connectTimeout, Duration readTimeout, Duration sharedAnswers) {
}
