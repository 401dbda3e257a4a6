package io.quarkiverse.alioss.runtime.health;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * The readiness of one configured client: UP when OSS answers GetBucketInfo for its bucket with the configured
 * credentials, DOWN with OSS's status, error code and message otherwise (a missing bucket, refused credentials, an
 * unreachable endpoint). Never blocks; never shows credentials.
 */
final class BucketReadinessCheck implements AsyncHealthCheck {

    /** A probe that hangs answers DOWN after this long rather than hold up the whole readiness answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String checkName;
    private final String clientName;
    private final String bucket;
    private final VertxReactiveOssClient client;

    /** @param client asked without retries: a retried failure only delays the answer */
    BucketReadinessCheck(String clientName, VertxReactiveOssClient client) {
        this.checkName = name(clientName);
        this.clientName = clientName;
        this.bucket = client.bucket();
        this.client = client;
    }

    /** {@code Alibaba Cloud OSS bucket of the default OSS client}, {@code ... of the OSS client 'archive'}. */
    static String name(String clientName) {
        return "Alibaba Cloud OSS bucket of " + OssConfigKeys.describeClient(clientName);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return client.getBucketInfo()
                .ifNoItem().after(TIMEOUT).failWith(() -> new IllegalStateException(
                        "no answer from OSS within " + TIMEOUT.toSeconds() + " s"))
                .map(ignored -> response().up().build())
                .onFailure().recoverWithItem(this::down);
    }

    private HealthCheckResponse down(Throwable failure) {
        HealthCheckResponseBuilder down = response().down();
        if (failure instanceof OssException oss) {
            down.withData("status", oss.status());
            down.withData("code", String.valueOf(oss.code()));
            down.withData("message", String.valueOf(oss.ossMessage()));
            oss.requestId().ifPresent(id -> down.withData("requestId", id));
        } else {
            down.withData("message", String.valueOf(failure.getMessage()));
        }
        return down.build();
    }

    private HealthCheckResponseBuilder response() {
        return HealthCheckResponse.named(checkName).withData("client", clientName).withData("bucket", bucket);
    }
}
