package io.quarkiverse.alioss.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.NetworkOptions;
import io.quarkiverse.alioss.runtime.client.RetryStrategy;
import io.quarkiverse.alioss.runtime.credentials.ArcNamedBeanLookup;
import io.quarkiverse.alioss.runtime.credentials.CredentialsProviderResolver;
import io.quarkiverse.alioss.runtime.credentials.EnvironmentLookup;
import io.quarkiverse.alioss.runtime.credentials.NamedBeanLookup;
import io.quarkiverse.alioss.runtime.signing.OssRequestSigner;
import io.quarkiverse.alioss.runtime.signing.OssV1Signer;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;

/**
 * Validates the configuration of one client and turns it into the {@link ClientOptions} the client is made from.
 * Every problem of the client is reported in one {@link ConfigurationException} whose message names each offending
 * key.
 */
public final class OssClientOptionsResolver {

    /** OSS's largest part. */
    static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** More parts in flight than this only adds memory and connections, not speed. */
    static final int MAX_PARALLELISM = 64;

    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    // OSS bucket names: 3-63 characters, lower-case letters, digits and hyphens, not starting or ending with a hyphen
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private final CredentialsProviderResolver credentials;
    private final NamedBeanLookup beans;

    public OssClientOptionsResolver(EnvironmentLookup environment, NamedBeanLookup beans) {
        this.credentials = new CredentialsProviderResolver(environment, beans);
        this.beans = beans;
    }

    /** The resolver of the running application: real environment variables and the ArC container. */
    public static OssClientOptionsResolver forApplication() {
        return new OssClientOptionsResolver(EnvironmentLookup.SYSTEM, new ArcNamedBeanLookup());
    }

    /**
     * @param clientName {@link OssClientName#DEFAULT} or a named client
     * @throws ConfigurationException listing every problem of this client
     */
    public ClientOptions resolve(String clientName, OssRuntimeConfig config) {
        Objects.requireNonNull(clientName, "clientName");
        ConfigProblems problems = new ConfigProblems();
        if (OssConfigKeys.isReservedClientName(clientName)) {
            problems.add(OssConfigKeys.client(clientName, "*"), "'" + clientName + "' is reserved for "
                    + OssConfigKeys.PREFIX + "." + clientName + ".* and cannot name a client; choose another name");
            problems.throwIfAny(title(clientName));
        }
        ClientOptions settings = resolve(clientName, config.clients().get(clientName), problems);
        problems.throwIfAny(title(clientName));
        return settings;
    }

    private static String title(String clientName) {
        return "Invalid configuration of " + OssConfigKeys.describeClient(clientName);
    }

    /** @return the options, or {@code null} when problems were recorded */
    private ClientOptions resolve(String clientName, OssClientConfig config, ConfigProblems problems) {
        Optional<URI> endpoint = endpoint(clientName, config.endpoint(), problems);
        SignatureVersion version = config.signatureVersion();
        Optional<String> region = region(clientName, config.region(), version, problems);
        bucket(clientName, config.bucket(), problems);
        positive(config.connectTimeout(), OssConfigKeys.client(clientName, "connect-timeout"), problems);
        positive(config.readTimeout(), OssConfigKeys.client(clientName, "read-timeout"), problems);
        positive(config.blockingTimeout(), OssConfigKeys.client(clientName, "blocking-timeout"), problems);
        positive(config.blockingTransferTimeout(), OssConfigKeys.client(clientName, "blocking-transfer-timeout"),
                problems);
        retry(clientName, config.retry(), problems);
        upload(clientName, config.upload(), problems);
        NetworkOptions network = network(clientName, config, problems);
        if (config.cname() && config.pathStyle() == PathStyle.TRUE) {
            problems.add(OssConfigKeys.client(clientName, "cname"), "cannot be combined with "
                    + OssConfigKeys.client(clientName, "path-style") + "=true: a custom domain names the bucket itself");
        }
        Optional<OssCredentialsProvider> provider = credentials.resolve(clientName, config.credentials(), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        OssRequestSigner signer = version == SignatureVersion.V4 ? new OssV4Signer(region.get()) : new OssV1Signer();
        OssClientConfig.Retry retry = config.retry();
        boolean pathStyle = !config.cname() && config.pathStyle().isPathStyleFor(endpoint.get().getHost());
        return new ClientOptions(endpoint.get(), config.bucket(), pathStyle, signer, provider.get(),
                config.connectTimeout(), config.readTimeout(), config.blockingTimeout(),
                config.blockingTransferTimeout(),
                new RetryStrategy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff()),
                config.upload().partSize().asLongValue(), config.upload().multipartThreshold().asLongValue(),
                config.upload().parallelism(), config.cname(), network);
    }

    /** The proxy and the TLS configuration, checked; {@code null} when a problem was recorded. */
    private NetworkOptions network(String clientName, OssClientConfig config, ConfigProblems problems) {
        OssClientConfig.Proxy proxy = config.proxy();
        Optional<ProxyOptions> proxyOptions = Optional.empty();
        if (proxy.address().isPresent()) {
            String key = OssConfigKeys.client(clientName, "proxy.address");
            String address = proxy.address().get().trim();
            int colon = address.lastIndexOf(':');
            int port = -1;
            try {
                port = colon > 0 ? Integer.parseInt(address.substring(colon + 1)) : -1;
            } catch (NumberFormatException e) {
                // reported below
            }
            if (port < 1 || port > 65535 || address.contains("/")) {
                problems.add(key, "must be host:port, got '" + address + "'");
            } else {
                ProxyOptions options = new ProxyOptions().setType(ProxyType.HTTP)
                        .setHost(address.substring(0, colon)).setPort(port);
                proxy.username().ifPresent(options::setUsername);
                proxy.password().ifPresent(options::setPassword);
                proxyOptions = Optional.of(options);
            }
        }
        if (proxy.username().isPresent() != proxy.password().isPresent()) {
            problems.add(OssConfigKeys.client(clientName, proxy.username().isPresent() ? "proxy.password"
                    : "proxy.username"), "is required with "
                            + OssConfigKeys.client(clientName,
                                    proxy.username().isPresent() ? "proxy.username" : "proxy.password"));
        }
        if (proxy.address().isEmpty() && (proxy.username().isPresent() || proxy.nonProxyHosts().isPresent())) {
            problems.add(OssConfigKeys.client(clientName, "proxy.address"), "is required when other proxy keys are"
                    + " set");
        }
        Optional<TlsConfiguration> tls = Optional.empty();
        if (config.tlsConfigurationName().isPresent()) {
            String name = config.tlsConfigurationName().get();
            tls = beans.byDefault(TlsConfigurationRegistry.class).flatMap(registry -> registry.get(name));
            if (tls.isEmpty()) {
                problems.add(OssConfigKeys.client(clientName, "tls-configuration-name"), "names no TLS configuration"
                        + " of the TLS registry; define quarkus.tls.\"" + name + "\".* (trust-store, key-store)");
            }
        }
        return new NetworkOptions(proxyOptions, proxy.nonProxyHosts().orElse(List.of()), tls);
    }

    private static void upload(String clientName, OssClientConfig.Upload upload, ConfigProblems problems) {
        long partSize = upload.partSize().asLongValue();
        if (partSize < UploadOptions.MIN_PART_SIZE) {
            problems.add(OssConfigKeys.client(clientName, "upload.part-size"), "must be at least 100K (OSS's smallest"
                    + " part), got " + partSize + " bytes");
        } else if (partSize > MAX_PART_SIZE) {
            problems.add(OssConfigKeys.client(clientName, "upload.part-size"), "must be at most 5G (OSS's largest"
                    + " part), got " + partSize + " bytes");
        }
        if (upload.multipartThreshold().asLongValue() < 0) {
            problems.add(OssConfigKeys.client(clientName, "upload.multipart-threshold"), "must not be negative");
        }
        if (upload.parallelism() < 1 || upload.parallelism() > MAX_PARALLELISM) {
            problems.add(OssConfigKeys.client(clientName, "upload.parallelism"), "must be between 1 and "
                    + MAX_PARALLELISM + ", got " + upload.parallelism());
        }
    }

    private static Optional<URI> endpoint(String clientName, Optional<String> value, ConfigProblems problems) {
        String key = OssConfigKeys.client(clientName, "endpoint");
        if (value.isEmpty() || value.get().isBlank()) {
            problems.add(key, "is not set; set it to the OSS endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com"
                    + " (Dev Services set it in dev and test mode)");
            return Optional.empty();
        }
        return HttpUrls.parse(value.get().trim(), key, problems).flatMap(uri -> {
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add(key, "must be scheme, host and optional port only, got '" + value.get() + "'");
                return Optional.empty();
            }
            try {
                return Optional.of(new URI(uri.getScheme().toLowerCase(Locale.ROOT), null, uri.getHost(), uri.getPort(),
                        null, null, null));
            } catch (URISyntaxException e) {
                problems.add(key, "is not a valid URL: " + e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static Optional<String> region(String clientName, Optional<String> value,
            SignatureVersion version, ConfigProblems problems) {
        String key = OssConfigKeys.client(clientName, "region");
        if (value.isEmpty() || value.get().isBlank()) {
            if (version == SignatureVersion.V4) {
                problems.add(key, "is required for signature V4; set the region id, e.g. cn-hangzhou");
            }
            return Optional.empty();
        }
        String region = value.get().trim();
        if (region.startsWith("oss-")) {
            problems.add(key, "must be the plain region id, e.g. '" + region.substring(4) + "', got '" + region + "'");
        } else if (!REGION.matcher(region).matches()) {
            problems.add(key, "must be a region id of lower-case letters, digits and hyphens, e.g. cn-hangzhou, got '"
                    + region + "'");
        }
        return Optional.of(region);
    }

    private static void bucket(String clientName, Optional<String> value, ConfigProblems problems) {
        if (value.isPresent() && !BUCKET.matcher(value.get()).matches()) {
            problems.add(OssConfigKeys.client(clientName, "bucket"), "must be 3 to 63 lower-case letters, digits or "
                    + "hyphens, starting and ending with a letter or digit, got '" + value.get() + "'");
        }
    }

    private static void retry(String clientName, OssClientConfig.Retry retry, ConfigProblems problems) {
        if (retry.maxAttempts() < 1) {
            problems.add(OssConfigKeys.client(clientName, "retry.max-attempts"),
                    "must be at least 1 (1 disables retries), got " + retry.maxAttempts());
        }
        String initialKey = OssConfigKeys.client(clientName, "retry.initial-backoff");
        if (retry.initialBackoff().isNegative()) {
            problems.add(initialKey, "must not be negative, got " + retry.initialBackoff());
        }
        if (retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
            problems.add(OssConfigKeys.client(clientName, "retry.max-backoff"), "must not be shorter than "
                    + initialKey + " (" + retry.initialBackoff() + "), got " + retry.maxBackoff());
        }
    }

    static void positive(Duration value, String key, ConfigProblems problems) {
        if (value.isNegative() || value.isZero()) {
            problems.add(key, "must be positive, got " + value);
        }
    }
}
