package io.greenportal.incentive.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

import javax.net.ssl.SSLException;

/**
 * Turns a failed attempt into a sentence a bank's operator can act on in the delivery log
 * ("connection refused by hooks.nxbank.example:443"), rather than a bare exception class name:
 * the JDK's HTTP client often throws without a message.
 */
final class DeliveryErrors {

    private DeliveryErrors() {
    }

    static String describe(IOException e, URI uri, WebhookProperties properties) {
        String target = uri.getHost() + ":" + port(uri);
        if (find(e, WebhookHttp.RefusedAddress.class) instanceof WebhookHttp.RefusedAddress refused) {
            return "Not sent: " + refused.getMessage() + ".";
        }
        if (find(e, org.apache.hc.client5.http.ConnectTimeoutException.class) != null) {
            return "Could not connect to " + target + " within " + seconds(properties.connectTimeout()) + ".";
        }
        if (find(e, java.net.SocketTimeoutException.class) != null) {
            return "No answer from " + target + " within " + seconds(properties.requestTimeout()) + ".";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "Could not connect to " + target + " within " + seconds(properties.connectTimeout()) + ".";
        }
        if (e instanceof HttpTimeoutException) {
            return "No answer from " + target + " within " + seconds(properties.requestTimeout()) + ".";
        }
        if (find(e, UnknownHostException.class) != null || find(e, UnresolvedAddressException.class) != null) {
            return "The host " + uri.getHost() + " does not resolve (no DNS address).";
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return "No network route to " + target + ".";
        }
        if (find(e, ConnectException.class) != null) {
            return "Connection refused by " + target + ": nothing accepts connections there.";
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return "The TLS handshake with " + target + " failed" + (tls.getMessage() == null ? "" : " (" + tls.getMessage() + ")")
                    + ": the endpoint needs a certificate valid for its host name.";
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        return "The connection to " + target + " failed (" + e.getClass().getSimpleName() + message + ").";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static String seconds(java.time.Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
