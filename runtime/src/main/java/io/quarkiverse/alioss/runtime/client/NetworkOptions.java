package io.quarkiverse.alioss.runtime.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.quarkus.tls.TlsConfiguration;
import io.vertx.core.net.ProxyOptions;

/**
 * How a client connects: directly or through an HTTP proxy, and with which TLS trust and key material.
 *
 * @param proxy the HTTP proxy requests go through; empty for direct connections
 * @param nonProxyHosts hosts reached directly although a proxy is set ({@code *} wildcards as in {@code http.nonProxyHosts})
 * @param tls a TLS configuration of the Quarkus TLS registry; empty for the JVM's default trust
 */
public record NetworkOptions(Optional<ProxyOptions> proxy, List<String> nonProxyHosts, Optional<TlsConfiguration> tls) {

    /** Direct connections with the JVM's default trust. */
    public static final NetworkOptions DIRECT = new NetworkOptions(Optional.empty(), List.of(), Optional.empty());

    public NetworkOptions {
        Objects.requireNonNull(proxy, "proxy");
        nonProxyHosts = List.copyOf(nonProxyHosts);
        Objects.requireNonNull(tls, "tls");
    }

    @Override
    public String toString() {
        // never the proxy password
        return "NetworkOptions[proxy=" + proxy.map(p -> p.getHost() + ":" + p.getPort()).orElse("<none>")
                + ", nonProxyHosts=" + nonProxyHosts + ", tls=" + tls.map(t -> "configured").orElse("<default>") + "]";
    }
}
