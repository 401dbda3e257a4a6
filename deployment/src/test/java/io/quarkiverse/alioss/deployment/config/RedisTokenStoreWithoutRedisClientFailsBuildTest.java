package io.quarkiverse.alioss.deployment.config;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The Redis store needs the Redis client extension; without it the build fails and says what to add. */
class RedisTokenStoreWithoutRedisClientFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest TEST = StartupFailures.application()
            .overrideConfigKey("quarkus.oss.callback.token.store", "redis")
            .assertException(StartupFailures.configurationFailureNaming("quarkus.oss.callback.token.store",
                    "io.quarkus:quarkus-redis-client"));

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
