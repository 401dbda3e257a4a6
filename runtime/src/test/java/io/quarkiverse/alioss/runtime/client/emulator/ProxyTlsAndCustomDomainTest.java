package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.NetworkOptions;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.signing.OssV1Signer;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.quarkus.tls.BaseTlsConfiguration;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.dns.AddressResolverOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.TrustOptions;

/**
 * How a client reaches OSS: through an HTTP proxy (with credentials), over TLS trusted through a TLS configuration,
 * and at a custom domain bound to the bucket; each against the emulator.
 */
class ProxyTlsAndCustomDomainTest {

    private static final String BUCKET = "network";
    private static final String DOMAIN = "files.example.test";

    private static Vertx vertx;
    private static OssEmulator emulator;
    private static RecordingProxy forwardProxy;
    private static RecordingProxy tlsFront;
    /** A committed self-signed certificate for localhost (see src/test/resources/tls/README.md). */
    private static final String CERT = "src/test/resources/tls/localhost-cert.pem";
    private static final String KEY = "src/test/resources/tls/localhost-key.pem";

    @BeforeAll
    static void start() throws Exception {
        // the custom domain resolves to this machine for the clients of this Vert.x, as DNS would point it at OSS
        vertx = Vertx.vertx(new VertxOptions().setAddressResolverOptions(new AddressResolverOptions()
                .setHostsValue(Buffer.buffer("127.0.0.1 localhost " + DOMAIN + "\n"))));
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(BUCKET).customDomain(DOMAIN, BUCKET).build());
        forwardProxy = new RecordingProxy(vertx, emulator.port());
        tlsFront = new RecordingProxy(vertx, emulator.port(), new HttpServerOptions().setSsl(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(CERT).setKeyPath(KEY)));
    }

    @AfterAll
    static void stop() throws Exception {
        tlsFront.close();
        forwardProxy.close();
        emulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static ClientOptions options(String endpoint) {
        OssCredentials credentials = OssCredentials.of(emulator.accessKeyId(), emulator.accessKeySecret());
        return ClientOptions.of(URI.create(endpoint), BUCKET, true, new OssV4Signer(emulator.region()),
                () -> credentials);
    }

    private static void roundTrip(ClientOptions options, String key) throws Exception {
        VertxReactiveOssClient reactive = new VertxReactiveOssClient(vertx, options);
        try {
            OssClient client = new BlockingOssClient(reactive);
            byte[] content = key.getBytes(StandardCharsets.UTF_8);
            client.putObject(key, content, UploadOptions.defaults());
            assertThat(client.getObject(key).bytes()).isEqualTo(content);
        } finally {
            reactive.close();
        }
    }

    @Test
    void requestsGoThroughTheProxyWithItsCredentials() throws Exception {
        ProxyOptions proxy = new ProxyOptions().setHost("127.0.0.1").setPort(forwardProxy.port())
                .setUsername("alice").setPassword("proxy-password");
        int before = forwardProxy.requestHeaders().size();
        // the endpoint names a host only the proxy can reach: without the proxy nothing would arrive
        roundTrip(options("http://oss-behind-proxy.invalid:" + emulator.port()).withNetwork(
                new NetworkOptions(Optional.of(proxy), List.of(), Optional.empty())), "proxied/a.txt");

        List<MultiMap> sent = forwardProxy.requestHeaders().subList(before, forwardProxy.requestHeaders().size());
        assertThat(sent).hasSize(2);
        assertThat(sent).allSatisfy(headers -> assertThat(headers.get("Proxy-Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("alice:proxy-password".getBytes(StandardCharsets.UTF_8))));
        assertThat(emulator.hasObject(BUCKET, "proxied/a.txt")).isTrue();
    }

    @Test
    void tlsIsTrustedThroughTheTlsConfigurationOnly() throws Exception {
        String endpoint = "https://localhost:" + tlsFront.port();
        Throwable untrusted = catchThrowable(() -> roundTrip(options(endpoint), "tls/untrusted.txt"));
        assertThat(untrusted).isInstanceOf(OssException.class).hasStackTraceContaining("PKIX path building failed");

        TrustOptions trust = new PemTrustOptions().addCertPath(CERT);
        roundTrip(options(endpoint).withNetwork(new NetworkOptions(Optional.empty(), List.of(),
                Optional.of(new BaseTlsConfiguration() {
                    @Override
                    public TrustOptions getTrustStoreOptions() {
                        return trust;
                    }
                }))), "tls/trusted.txt");
        assertThat(emulator.hasObject(BUCKET, "tls/trusted.txt")).isTrue();
    }

    @Test
    void customDomainAddressesTheBucketByHostAndStillSignsIt() throws Exception {
        String endpoint = "http://" + DOMAIN + ":" + emulator.port();
        roundTrip(options(endpoint).withCustomDomain(), "cname/v4.txt");
        OssCredentials credentials = OssCredentials.of(emulator.accessKeyId(), emulator.accessKeySecret());
        roundTrip(ClientOptions.of(URI.create(endpoint), BUCKET, false, new OssV1Signer(), () -> credentials)
                .withCustomDomain(), "cname/v1.txt");
        assertThat(emulator.hasObject(BUCKET, "cname/v4.txt")).isTrue();
        assertThat(emulator.hasObject(BUCKET, "cname/v1.txt")).isTrue();
    }

    /** The official SDK's presigned URL for a CNAME endpoint (setSupportCname) is ours, host, path and signature. */
    @Test
    void customDomainPresignedUrlMatchesTheSdk() throws Exception {
        String endpoint = "https://" + DOMAIN;
        VertxReactiveOssClient ours = new VertxReactiveOssClient(vertx, ClientOptions.of(URI.create(endpoint), BUCKET,
                false, new OssV1Signer(), () -> OssCredentials.of("ak", "sk")).withCustomDomain());
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSupportCname(true);
        OSS sdk = OSSClientBuilder.create().endpoint(endpoint).credentialsProvider(new DefaultCredentialProvider("ak",
                "sk")).clientConfiguration(conf).build();
        try {
            PresignedRequest url = ours.presigner().presignGet("dir/a b.txt", Duration.ofMinutes(5));
            String expires = url.url().getRawQuery().replaceAll(".*Expires=([0-9]+).*", "$1");
            URL theirs = sdk.generatePresignedUrl(BUCKET, "dir/a b.txt", new Date(Long.parseLong(expires) * 1000),
                    HttpMethod.GET);
            assertThat(url.url().getHost()).isEqualTo(DOMAIN).isEqualTo(theirs.getHost());
            assertThat(url.url().getRawPath()).isEqualTo("/dir/a%20b.txt").isEqualTo(theirs.getPath());
            assertThat(url.url().getRawQuery()).isEqualTo(theirs.getQuery());
        } finally {
            sdk.shutdown();
            ours.close();
        }
    }
}
