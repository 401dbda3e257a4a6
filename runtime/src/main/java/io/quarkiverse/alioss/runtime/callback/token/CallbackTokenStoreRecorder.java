package io.quarkiverse.alioss.runtime.callback.token;

import java.time.Clock;

import io.quarkiverse.alioss.runtime.config.OssRuntimeConfig;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/** Creates the store of used callback tokens at run-time init. */
@Recorder
public class CallbackTokenStoreRecorder {

    private final RuntimeValue<OssRuntimeConfig> config;

    public CallbackTokenStoreRecorder(RuntimeValue<OssRuntimeConfig> config) {
        this.config = config;
    }

    public RuntimeValue<CallbackTokenStore> memoryTokenStore() {
        return new RuntimeValue<>(new MemoryTokenStore(config.getValue().callback().token().memory().maxEntries(),
                Clock.systemUTC()));
    }
}
