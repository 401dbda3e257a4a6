package io.quarkiverse.alioss.runtime.credentials;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/** A cloud service that hands out temporary credentials (ECS metadata, STS). */
public interface CredentialsSource {

    /** For messages and logs, e.g. {@code ecs-ram-role (http://100.100.100.200)}: never a secret. */
    String describe();

    /** Binds this source to the Vert.x and HTTP client of one OSS client. */
    Fetch open(Vertx vertx, WebClient web);

    /** Fetches fresh credentials, without blocking; closed with the client. */
    interface Fetch extends AutoCloseable {

        Uni<ExpiringCredentials> fetch();

        @Override
        default void close() {
        }
    }
}
