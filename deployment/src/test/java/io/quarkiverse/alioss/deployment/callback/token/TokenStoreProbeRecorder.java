package io.quarkiverse.alioss.deployment.callback.token;

import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/** Receives the store the extension created, at run-time init, for the test running in the same class loader. */
@Recorder
public class TokenStoreProbeRecorder {

    private static volatile CallbackTokenStore store;

    public void expose(RuntimeValue<CallbackTokenStore> created) {
        store = created.getValue();
    }

    public static CallbackTokenStore store() {
        return store;
    }
}
