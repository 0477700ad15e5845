package io.greenportal.k8s;

import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * A small evaluator of NetworkPolicy semantics (matchLabels selectors, namespace selectors by
 * name, ipBlocks with exceptions, numeric ports), enough to ask "may A open port P on B?" of the
 * rendered policies: allowed when A's egress and B's ingress both allow it.
 */
final class NetworkFlows {

    /** A pod (namespace and labels) or, with a null namespace, an address outside the cluster. */
    record Endpoint(String name, String namespace, Map<String, String> labels, String ip) {

        static Endpoint pod(String name, String namespace, Map<String, String> labels) {
            return new Endpoint(name, namespace, labels, null);
        }

        static Endpoint outside(String name, String ip) {
            return new Endpoint(name, null, Map.of(), ip);
        }
    }

    private final List<NetworkPolicy> policies;
    private final String namespace;

    NetworkFlows(List<NetworkPolicy> policies, String namespace) {
        this.policies = policies;
        this.namespace = namespace;
    }

    boolean allowed(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    private boolean egressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!namespace.equals(from.namespace())) {
            return true; // not ours to police
        }
        var selecting = policies.stream().filter(p -> types(p).contains("Egress") && selects(p, from)).toList();
        return selecting.isEmpty() || selecting.stream().anyMatch(p -> p.getSpec().getEgress() != null
                && p.getSpec().getEgress().stream().anyMatch(r -> peersMatch(r.getTo(), to)
                        && portsMatch(r.getPorts(), port, protocol)));
    }

    private boolean ingressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!namespace.equals(to.namespace())) {
            return true;
        }
        var selecting = policies.stream().filter(p -> types(p).contains("Ingress") && selects(p, to)).toList();
        return selecting.isEmpty() || selecting.stream().anyMatch(p -> p.getSpec().getIngress() != null
                && p.getSpec().getIngress().stream().anyMatch(r -> peersMatch(r.getFrom(), from)
                        && portsMatch(r.getPorts(), port, protocol)));
    }

    private static List<String> types(NetworkPolicy p) {
        return p.getSpec().getPolicyTypes() == null ? List.of("Ingress") : p.getSpec().getPolicyTypes();
    }

    private boolean selects(NetworkPolicy p, Endpoint e) {
        return matches(p.getSpec().getPodSelector(), e.labels());
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint e) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (e.ip() != null && inCidr(e.ip(), peer.getIpBlock().getCidr()) && (peer.getIpBlock().getExcept() == null
                        || peer.getIpBlock().getExcept().stream().noneMatch(x -> inCidr(e.ip(), x)))) {
                    return true;
                }
                continue;
            }
            if (e.namespace() == null) {
                continue;
            }
            boolean nsOk = peer.getNamespaceSelector() == null ? e.namespace().equals(namespace)
                    : matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", e.namespace()));
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), e.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, int port, String protocol) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() != null
                && p.getPort().getIntVal() != null && p.getPort().getIntVal() == port
                && protocol.equals(p.getProtocol() == null ? "TCP" : p.getProtocol()));
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new IllegalStateException("matchExpressions are not evaluated here; use matchLabels");
        }
        return selector.getMatchLabels() == null || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ip) {
        long v = 0;
        for (String octet : ip.split("\\.")) {
            v = v << 8 | Integer.parseInt(octet);
        }
        return v;
    }
}
