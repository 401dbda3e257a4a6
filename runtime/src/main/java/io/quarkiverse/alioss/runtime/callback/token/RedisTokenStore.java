package io.quarkiverse.alioss.runtime.callback.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Used tokens in Redis, shared by all instances of the application. A claim is {@code SET <prefix><id> 1 NX PXAT
 * <expiry>}: Redis sets a key only when it is absent, one command at a time, so of all instances exactly one claims a
 * token; Redis forgets the key when the token expires.
 * <p>
 * Whenever Redis fails or does not answer in time the Uni fails with {@link CallbackTokenStoreUnavailableException}
 * (503): a claim is never assumed.
 */
public final class RedisTokenStore implements CallbackTokenStore {

    private final Redis redis;
    private final String keyPrefix;
    private final Duration timeout;

    /**
     * @param redis the client, which owns its connections
     * @param keyPrefix put in front of each token id to make its key
     * @param timeout how long to wait for each command
     */
    public RedisTokenStore(Redis redis, String keyPrefix, Duration timeout) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public Uni<Boolean> claim(String id, Instant expiry) {
        Request set = Request.cmd(Command.SET).arg(keyPrefix + id).arg("1")
                .arg("NX")
                .arg("PXAT").arg(expiry.toEpochMilli());
        return send(set, "claim").map(RedisTokenStore::isOk);
    }

    @Override
    public Uni<Void> release(String id) {
        return send(Request.cmd(Command.DEL).arg(keyPrefix + id), "release").replaceWithVoid();
    }

    /**
     * A timed-out command may still reach Redis later; it is not undone, as a DEL could remove the claim of another
     * instance that received OSS's next attempt meanwhile. At worst that attempt is refused: never accepted twice.
     */
    private Uni<Response> send(Request command, String action) {
        // the token id is a credential for one callback: it stays out of the messages
        return redis.send(command)
                .ifNoItem().after(timeout).failWith(() -> new CallbackTokenStoreUnavailableException("Redis did not "
                        + action + " the callback token within " + timeout
                        + " (quarkus.oss.callback.token.redis.timeout)"))
                .onFailure(failure -> !(failure instanceof CallbackTokenStoreUnavailableException))
                .transform(failure -> new CallbackTokenStoreUnavailableException(
                        "Redis could not " + action + " the callback token: " + failure, failure));
    }

    /** SET with NX answers OK when it set the key, and nil when the key was there. */
    private static boolean isOk(Response reply) {
        return reply != null && "OK".equals(reply.toString());
    }
}
