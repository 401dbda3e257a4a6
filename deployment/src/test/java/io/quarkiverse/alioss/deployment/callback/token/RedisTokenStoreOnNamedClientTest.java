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
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/** {@code token.redis.client-name} picks a named Redis client, which the build had the Redis extension create. */
@ExtendWith(RedisServerInstalled.class)
class RedisTokenStoreOnNamedClientTest {

    // only the named client has hosts: a store on the default client would not start
    static final String HOSTS = "quarkus.redis.tokens.hosts";

    @RegisterExtension
    static final QuarkusUnitTest TEST = RedisServerAroundApplication.around(new QuarkusUnitTest()
            // the application reloads this class, and with it what its static fields refer to
            .withApplicationRoot(jar -> jar.addClasses(TokenStoreProbe.class, TokenStoreProbeRecorder.class,
                    RedisInline.class, RedisServerAroundApplication.class, LocalRedisServer.class))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-redis-client", Version.getVersion())))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false")
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false")
            .overrideConfigKey("quarkus.redis.tokens.devservices.enabled", "false")
            .overrideConfigKey("quarkus.oss.callback.token.store", "redis")
            .overrideConfigKey("quarkus.oss.callback.token.redis.client-name", "tokens")
            .addBuildChainCustomizer(TokenStoreProbe.exposeTheStore()), HOSTS);

    @Test
    void claimsGoToTheNamedClientUnderTheDefaultPrefix() throws Exception {
        CallbackTokenStore store = TokenStoreProbeRecorder.store();
        String id = UUID.randomUUID().toString();

        assertThat(store.claim(id, Instant.now().plusSeconds(60)).await().atMost(Duration.ofSeconds(5))).isTrue();
        assertThat(store.claim(id, Instant.now().plusSeconds(60)).await().atMost(Duration.ofSeconds(5))).isFalse();
        assertThat(RedisInline.command(HOSTS, "EXISTS oss-cb-token:" + id)).isEqualTo(":1");
    }
}
