package io.quarkiverse.alioss.benchmarks.harness;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.vertx.core.Vertx;

/**
 * Our blocking {@link OssClient} over the Vert.x client, V4 signing, default retries and the access key as fixed
 * credentials, as an application with {@code quarkus.oss.access-key-id} gets it; or,
 * for {@link #timedPuts}, the Mutiny API chained on the event loop, as a reactive application uses it.
 */
final class OursBenchClient implements BenchClient {

    private final Vertx vertx = Vertx.vertx();
    private final VertxReactiveOssClient reactive;
    private final OssClient client;

    private final boolean onEventLoop;

    OursBenchClient(String endpoint, String bucket, boolean onEventLoop) {
        this.onEventLoop = onEventLoop;
        OssCredentials credentials = OssCredentials.of(OssEmulatorOptions.DEFAULT_ACCESS_KEY_ID,
                OssEmulatorOptions.DEFAULT_ACCESS_KEY_SECRET);
        reactive = new VertxReactiveOssClient(vertx, ClientOptions.of(URI.create(endpoint), bucket, true,
                new OssV4Signer(OssEmulatorOptions.DEFAULT_REGION), OssCredentialsProvider.fixed(credentials)));
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

    /** On the event loop: each put is subscribed when the previous one completes, no thread waits in between. */
    @Override
    public long[] timedPuts(String key, byte[] content, int count) throws Exception {
        if (!onEventLoop) {
            return BenchClient.super.timedPuts(key, content, count);
        }
        long[] nanos = new long[count];
        CompletableFuture<Void> done = new CompletableFuture<>();
        vertx.runOnContext(ignored -> putAfterPut(key, content, nanos, 0, done));
        done.get(10, TimeUnit.MINUTES);
        return nanos;
    }

    private void putAfterPut(String key, byte[] body, long[] nanos, int index, CompletableFuture<Void> done) {
        long start = System.nanoTime();
        reactive.putObject(key, body, UploadOptions.defaults()).subscribe().with(result -> {
            nanos[index] = System.nanoTime() - start;
            if (index + 1 < nanos.length) {
                putAfterPut(key, body, nanos, index + 1, done);
            } else {
                done.complete(null);
            }
        }, done::completeExceptionally);
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
