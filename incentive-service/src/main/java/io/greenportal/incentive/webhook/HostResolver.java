package io.greenportal.incentive.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks up a webhook host's addresses: the one place both the subscription check and the delivery's
 * connection ask ({@link WebhookHttp} connects only to addresses this answered and
 * {@link WebhookUrls} allowed). Tests replace it to play DNS rebinding.
 */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
