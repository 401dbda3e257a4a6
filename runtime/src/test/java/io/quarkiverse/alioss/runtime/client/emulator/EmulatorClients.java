package io.quarkiverse.alioss.runtime.client.emulator;

import java.net.URI;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.RetryStrategy;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.vertx.core.Vertx;

/**
 * An in-JVM emulator with one bucket, a callback receiver and our client (built without CDI, V4, by default without
 * retries so that injected faults surface), all closed together.
 */
final class EmulatorClients implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final OssEmulator emulator;
    final TestReceiver receiver;
    final VertxReactiveOssClient reactive;
    final OssClient client;

    /** How many times the client asked for credentials: once per signed attempt, so retries show up here. */
    final AtomicInteger signedAttempts = new AtomicInteger();

    EmulatorClients(String bucket, Path dataDir) throws Exception {
        this(bucket, dataDir, RetryStrategy.NONE);
    }

    EmulatorClients(String bucket, Path dataDir, RetryStrategy retry) throws Exception {
        OssEmulatorOptions.Builder options = OssEmulatorOptions.builder().bucket(bucket);
        if (dataDir != null) {
            options.dataDir(dataDir);
        }
        emulator = OssEmulator.start(options.build());
        receiver = new TestReceiver(vertx);
        OssCredentials credentials = OssCredentials.of(emulator.accessKeyId(), emulator.accessKeySecret());
        reactive = new VertxReactiveOssClient(vertx, ClientOptions.of(URI.create(emulator.baseUrl()), bucket, true,
                new OssV4Signer(emulator.region()), () -> {
                    signedAttempts.incrementAndGet();
                    return credentials;
                }).withRetry(retry));
        client = new BlockingOssClient(reactive);
    }

    /** The official SDK (V4, no retries of its own) on the same emulator: an independent view of its state. */
    static OSS officialSdk(OssEmulator emulator) {
        return officialSdk(emulator, emulator.baseUrl());
    }

    /** The official SDK with the emulator's credentials, sending to {@code endpoint} (a proxy in front of it). */
    static OSS officialSdk(OssEmulator emulator, String endpoint) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create().endpoint(endpoint)
                .credentialsProvider(new DefaultCredentialProvider(emulator.accessKeyId(), emulator.accessKeySecret()))
                .clientConfiguration(conf).region(emulator.region()).build();
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Override
    public void close() throws Exception {
        reactive.close();
        receiver.close();
        emulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
