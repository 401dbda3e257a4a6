package io.quarkiverse.alioss.deployment.callback;

import java.util.Set;

import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStoreRecorder;
import io.quarkiverse.alioss.runtime.config.CallbackTokenStoreType;
import io.quarkiverse.alioss.runtime.config.OssBuildTimeConfig;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;
import io.quarkus.arc.deployment.GeneratedBeanBuildItem;
import io.quarkus.arc.deployment.GeneratedBeanGizmo2Adaptor;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Creates the store of used callback tokens that {@code quarkus.oss.callback.token.store} names, and for the Redis
 * store makes the Redis extension create the client it uses.
 */
class CallbackTokenStoreProcessor {

    static final String STORE_KEY = OssConfigKeys.callback("token.store");

    /** Fails the build when the Redis store is chosen without the Redis extension, else requests its client. */
    @BuildStep
    void requestRedisClient(OssBuildTimeConfig config, Capabilities capabilities,
            BuildProducer<GeneratedBeanBuildItem> generatedBeans, BuildProducer<UnremovableBeanBuildItem> unremovable) {
        OssBuildTimeConfig.Token token = config.callback().token();
        if (token.store() != CallbackTokenStoreType.REDIS) {
            return;
        }
        if (!capabilities.isPresent(Capability.REDIS_CLIENT)) {
            throw new ConfigurationException(STORE_KEY + "=redis needs the Quarkus Redis client extension: add the"
                    + " io.quarkus:quarkus-redis-client dependency, or set " + STORE_KEY + "=memory",
                    Set.of(STORE_KEY));
        }
        String bean = RedisClientRequestGenerator.generate(Gizmo.create(new GeneratedBeanGizmo2Adaptor(generatedBeans)),
                token.redis().clientName());
        // kept, so that bean validation reports a client the Redis extension did not create
        unremovable.produce(UnremovableBeanBuildItem.beanClassNames(bean));
    }

    /** Optional: recorded only when a step consumes the store, i.e. when the application has callback routes. */
    @BuildStep
    @Record(value = ExecutionTime.RUNTIME_INIT, optional = true)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class) // the Redis client is a synthetic bean created at run-time init
    CallbackTokenStoreBuildItem createTokenStore(OssBuildTimeConfig config, CallbackTokenStoreRecorder recorder) {
        OssBuildTimeConfig.Token token = config.callback().token();
        RuntimeValue<CallbackTokenStore> store = switch (token.store()) {
            case MEMORY -> recorder.memoryTokenStore();
            case REDIS -> recorder.redisTokenStore(token.redis().clientName().orElse(null));
        };
        return new CallbackTokenStoreBuildItem(store);
    }
}
