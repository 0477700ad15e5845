package io.greenportal.publicity.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;

import io.greenportal.publicity.PublicityProperties;

import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch Java client, built by hand over the low-level RestClient: Boot's starter wants
 * the 9.x client, which the 8.19 server refuses, and the client's Jackson 2 mapper does not exist
 * under Boot 4, so documents go through {@link Jackson3JsonpMapper}. Basic auth and a private CA
 * are used when configured (the ECK cluster in Kubernetes); locally it is plain HTTP.
 * <p>
 * Credentials go out as a fixed {@code Authorization} header on every request, and the HTTP
 * client's auth cache is off: the RestClient registers a Basic scheme per node in that cache, and
 * Apache's {@code BasicAuthCache} stores it Java-serialized, so with the cache on every request
 * deserialized it (3 % of the publicity service's CPU per search, with or without credentials).
 */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchConfig {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(PublicityProperties properties) {
        var es = properties.elasticsearch();
        var builder = RestClient.builder(HttpHost.create(es.url()))
                .setRequestConfigCallback(request -> request
                        .setConnectTimeout((int) es.connectTimeout().toMillis())
                        .setConnectionRequestTimeout((int) es.connectTimeout().toMillis())
                        .setSocketTimeout((int) es.socketTimeout().toMillis()));
        if (StringUtils.hasText(es.username())) {
            builder.setDefaultHeaders(new Header[] {basicAuthorization(es.username(), es.password())});
        }
        SSLContext ssl = StringUtils.hasText(es.caFile()) ? trusting(Path.of(es.caFile())) : null;
        builder.setHttpClientConfigCallback(client -> {
            client.setMaxConnTotal(200).setMaxConnPerRoute(200).disableAuthCaching();
            if (ssl != null) {
                client.setSSLContext(ssl);
            }
            return client;
        });
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient elasticsearchRestClient) {
        return new ElasticsearchClient(new RestClientTransport(elasticsearchRestClient,
                new Jackson3JsonpMapper(JsonMapper.builder()
                        // partial sources (suggestions) leave primitives out; documents may gain fields
                        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build())));
    }

    static Header basicAuthorization(String username, String password) {
        String pair = username + ":" + (password == null ? "" : password);
        return new BasicHeader(HttpHeaders.AUTHORIZATION,
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** An SSL context that trusts the certificates of a PEM file (the cluster's CA). */
    static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalStateException("no certificate in " + pem);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Elasticsearch CA file " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the Elasticsearch CA file " + pem, e);
        }
    }
}
