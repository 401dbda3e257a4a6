package io.quarkiverse.alioss.deployment.callback.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStoreUnavailableException;
import io.quarkiverse.alioss.runtime.callback.token.MemoryTokenStore;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without store configuration the callback routes get the in-memory store, sized by the run-time configuration; the
 * application has no Redis client extension (the deployment module does not depend on it).
 */
class MemoryTokenStoreByDefaultTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(TokenStoreProbe.class, TokenStoreProbeRecorder.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.oss.callback.token.memory.max-entries", "2")
            .addBuildChainCustomizer(TokenStoreProbe.exposeTheStore());

    @Test
    void theInMemoryStoreClaimsEachTokenOnceWithinItsConfiguredCapacity() {
        CallbackTokenStore store = TokenStoreProbeRecorder.store();
        Instant expiry = Instant.now().plusSeconds(60);

        assertThat(store).isInstanceOf(MemoryTokenStore.class);
        assertThat(getClass().getClassLoader().getResource("io/vertx/mutiny/redis/client/Redis.class"))
                .as("no Redis client classes in this application").isNull();
        assertThat(claim(store, "token-a", expiry)).isTrue();
        assertThat(claim(store, "token-a", expiry)).isFalse();
        assertThat(claim(store, "token-b", expiry)).isTrue();
        assertThatThrownBy(() -> claim(store, "token-c", expiry))
                .isInstanceOf(CallbackTokenStoreUnavailableException.class);
    }

    private static boolean claim(CallbackTokenStore store, String id, Instant expiry) {
        return store.claim(id, expiry).await().atMost(Duration.ofSeconds(5));
    }
}
