package io.quarkiverse.alioss.benchmarks.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssCredentials;
import io.quarkiverse.alioss.UploadOptions;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.vertx.core.Vertx;

/** Our blocking {@link OssClient} over the Vert.x client, V4 signing, default retries, as an application gets it. */
final class OursBenchClient implements BenchClient {

    private final Vertx vertx = Vertx.vertx();
    private final VertxReactiveOssClient reactive;
    private final OssClient client;

    OursBenchClient(String endpoint, String bucket) {
        OssCredentials credentials = OssCredentials.of(OssEmulatorOptions.DEFAULT_ACCESS_KEY_ID,
                OssEmulatorOptions.DEFAULT_ACCESS_KEY_SECRET);
        reactive = new VertxReactiveOssClient(vertx, ClientOptions.of(URI.create(endpoint), bucket, true,
                new OssV4Signer(OssEmulatorOptions.DEFAULT_REGION), () -> credentials));
        client = new BlockingOssClient(reactive);
    }

    @Override
    public void upload(String key, Path file, long partSize, int parallelism) {
        client.upload(key, file, UploadOptions.defaults().partSize(partSize).parallelism(parallelism));
    }

    @Override
    public void put(String key, byte[] content) {
        client.putObject(key, content, UploadOptions.defaults());
    }

    @Override
    public void delete(String key) {
        client.deleteObject(key);
    }

    @Override
    public void close() throws Exception {
        reactive.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
