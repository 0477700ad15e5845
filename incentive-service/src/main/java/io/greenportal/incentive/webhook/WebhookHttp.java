package io.greenportal.incentive.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The HTTP client of webhook deliveries. Its DNS resolver is the address check: every connection
 * resolves the host through {@link HostResolver} and is refused, before any byte is sent, when one of
 * the addresses is one {@link WebhookUrls} does not allow. So the address checked is the address
 * connected to, whatever the name resolved to at subscription or a moment earlier (DNS rebinding).
 * Never follows redirects (a redirect could lead anywhere), never retries by itself.
 */
@Component
public class WebhookHttp implements DisposableBean {

    /** A connection refused because of where it would lead; the message is the delivery log's sentence. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String reason) {
            super(reason);
        }
    }

    private final CloseableHttpClient client;

    public WebhookHttp(WebhookUrls urls, WebhookProperties properties) {
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
                InetAddress[] addresses = urls.resolve(name);
                String refusal = urls.refusal(name, addresses);
                if (refusal != null) {
                    throw new RefusedAddress(refusal);
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(checked)
                .setMaxConnTotal(Math.max(properties.concurrency(), 1) * 2)
                .setMaxConnPerRoute(Math.max(properties.concurrency(), 1))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.requestTimeout())).build())
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableAutomaticRetries().disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(properties.requestTimeout()))
                        .build())
                .setUserAgent("GreenPortal-Webhooks/1").build();
    }

    /** POSTs the JSON payload with the headers; the status code the endpoint answered. */
    public int post(URI uri, Map<String, String> headers, String payload) throws IOException {
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(payload, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        return client.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    @Override
    public void destroy() throws IOException {
        client.close();
    }
}
