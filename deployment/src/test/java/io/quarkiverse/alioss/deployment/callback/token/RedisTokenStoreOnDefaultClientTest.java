package io.quarkiverse.alioss.deployment.callback.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkiverse.alioss.runtime.callback.token.RedisTokenStore;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code store=redis} the callback routes get a store on the default Redis client, which the build had the
 * Redis extension create although the application injects no Redis client: a claim is a key in the real Redis, and a
 * token another instance claimed is refused.
 * <p>
 * The Redis extension is added to this application only, so that the other tests run without it.
 */
@ExtendWith(RedisServerInstalled.class)
class RedisTokenStoreOnDefaultClientTest {

    static final String HOSTS = "quarkus.redis.hosts";

    @RegisterExtension
    static final QuarkusUnitTest TEST = RedisServerAroundApplication.around(new QuarkusUnitTest()
            // the application reloads this class, and with it what its static fields refer to
            .withApplicationRoot(jar -> jar.addClasses(TokenStoreProbe.class, TokenStoreProbeRecorder.class,
                    RedisInline.class, RedisServerAroundApplication.class, LocalRedisServer.class))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-redis-client", Version.getVersion())))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false")
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false")
            .overrideConfigKey("quarkus.oss.callback.token.store", "redis")
            .overrideRuntimeConfigKey("quarkus.oss.callback.token.redis.key-prefix", "probe-token:")
            .addBuildChainCustomizer(TokenStoreProbe.exposeTheStore()), HOSTS);

    @Test
    void aClaimIsAKeyInRedisAndHoldsOnce() throws Exception {
        CallbackTokenStore store = TokenStoreProbeRecorder.store();
        String id = UUID.randomUUID().toString();

        assertThat(store).isInstanceOf(RedisTokenStore.class);
        assertThat(claim(store, id)).as("first claim").isTrue();
        assertThat(claim(store, id)).as("second claim").isFalse();
        assertThat(RedisInline.command(HOSTS, "EXISTS probe-token:" + id)).as("the key in Redis").isEqualTo(":1");
    }

    @Test
    void aTokenClaimedByAnotherInstanceIsRefused() throws Exception {
        CallbackTokenStore store = TokenStoreProbeRecorder.store();
        String id = UUID.randomUUID().toString();

        assertThat(RedisInline.command(HOSTS, "SET probe-token:" + id + " 1 NX PX 60000")).isEqualTo("+OK");

        assertThat(claim(store, id)).isFalse();
    }

    static boolean claim(CallbackTokenStore store, String id) {
        return store.claim(id, Instant.now().plusSeconds(60)).await().atMost(Duration.ofSeconds(5));
    }
}
