package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.RetryStrategy;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.config.ConfigProblems;
import io.quarkiverse.alioss.runtime.config.TestConfigs;
import io.quarkiverse.alioss.runtime.credentials.CredentialsProviderResolver;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;

/**
 * Clients whose credentials are resolved from {@code quarkus.oss.credentials.*} as the extension resolves them, sending
 * through a {@link RecordingProxy} to an emulator.
 */
final class ConfiguredClients {

    private final Vertx vertx;
    private final OssEmulator emulator;
    private final RecordingProxy proxy;
    private final String bucket;

    ConfiguredClients(Vertx vertx, OssEmulator emulator, RecordingProxy proxy, String bucket) {
        this.vertx = vertx;
        this.emulator = emulator;
        this.proxy = proxy;
        this.bucket = bucket;
    }

    static OssCredentialsProvider resolve(Map<String, String> environment, Map<String, Object> beans,
            Map<String, String> properties) {
        ConfigProblems problems = new ConfigProblems();
        return new CredentialsProviderResolver(environment::get, TestConfigs.beans(beans))
                .resolve(OssClientName.DEFAULT, TestConfigs.runtime(properties).clients().get(OssClientName.DEFAULT)
                        .credentials(), problems)
                .orElseThrow(() -> new AssertionError("credentials did not resolve: " + problems.messages()));
    }

    /** A client without retries, so that a refused request surfaces. */
    VertxReactiveOssClient client(OssCredentialsProvider credentials) {
        return new VertxReactiveOssClient(vertx, ClientOptions.of(URI.create(proxy.url()), bucket, true,
                new OssV4Signer(emulator.region()), credentials).withRetry(RetryStrategy.NONE));
    }

    /** Puts and gets an object; returns the headers of the put as they went out. */
    MultiMap roundTrip(OssCredentialsProvider credentials, String key) throws Exception {
        byte[] content = ("written with " + key).getBytes(StandardCharsets.UTF_8);
        int before = proxy.requestHeaders().size();
        try (VertxReactiveOssClient reactive = client(credentials)) {
            OssClient client = new BlockingOssClient(reactive);
            client.putObject(key, content, UploadOptions.defaults());
            assertThat(client.getObject(key).bytes()).isEqualTo(content);
        }
        assertThat(emulator.hasObject(bucket, key)).isTrue();
        return proxy.requestHeaders().get(before);
    }
}
