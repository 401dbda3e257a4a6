package io.quarkiverse.alioss.runtime.callback.token;

import java.time.Clock;
import java.time.Duration;

import io.quarkiverse.alioss.runtime.config.ConfigProblems;
import io.quarkiverse.alioss.runtime.config.OssCallbackConfig;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkiverse.alioss.runtime.config.OssRuntimeConfig;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/** Creates the store of used callback tokens that the build chose, at run-time init. */
@Recorder
public class CallbackTokenStoreRecorder {

    private static final String INVALID = "Invalid configuration of the store of used callback tokens";

    private final RuntimeValue<OssRuntimeConfig> config;

    public CallbackTokenStoreRecorder(RuntimeValue<OssRuntimeConfig> config) {
        this.config = config;
    }

    public RuntimeValue<CallbackTokenStore> memoryTokenStore() {
        int maxEntries = tokenConfig().memory().maxEntries();
        ConfigProblems problems = new ConfigProblems();
        if (maxEntries < 1) {
            problems.add(OssConfigKeys.callback("token.memory.max-entries"), "must be positive, got " + maxEntries);
        }
        problems.throwIfAny(INVALID);
        return new RuntimeValue<>(new MemoryTokenStore(maxEntries, Clock.systemUTC()));
    }

    /**
     * Needs the Redis client's bean, so the build step calling it must run after the synthetic beans are initialized.
     *
     * @param clientName the Redis client configured with {@code quarkus.redis."client-name".*}, or null for the
     *        default client
     */
    public RuntimeValue<CallbackTokenStore> redisTokenStore(String clientName) {
        OssCallbackConfig.Redis redis = tokenConfig().redis();
        Duration timeout = redis.timeout();
        ConfigProblems problems = new ConfigProblems();
        if (timeout.isNegative() || timeout.isZero()) {
            problems.add(OssConfigKeys.callback("token.redis.timeout"), "must be positive, got " + timeout);
        }
        problems.throwIfAny(INVALID);
        RedisTokenStore store = new RedisTokenStore(RedisClientLookup.client(clientName), redis.keyPrefix(), timeout);
        return new RuntimeValue<>(store);
    }

    private OssCallbackConfig.Token tokenConfig() {
        return config.getValue().callback().token();
    }
}
