package org.acme.client;

import java.net.URI;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.vertx.mutiny.core.Vertx;

/** A client without CDI, for tests, benchmarks and plain Java. */
public class PlainJavaClient {

    static void useIt(Vertx vertx, String id, String secret) {
        // tag::plain[]
        ClientOptions options = ClientOptions.of(URI.create("http://127.0.0.1:9000"), "bucket", true,
                new OssV4Signer("cn-hangzhou"), () -> OssCredentials.of(id, secret));
        try (VertxReactiveOssClient reactive = new VertxReactiveOssClient(vertx, options)) {
            OssClient blocking = new BlockingOssClient(reactive);
            blocking.headObject("photo.png");
        }
        // end::plain[]
    }
}
