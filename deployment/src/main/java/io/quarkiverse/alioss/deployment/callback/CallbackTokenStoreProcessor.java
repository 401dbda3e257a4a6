package io.quarkiverse.alioss.deployment.callback;

import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStoreRecorder;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;

/** Creates the store of used callback tokens (each token is accepted once). */
class CallbackTokenStoreProcessor {

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    CallbackTokenStoreBuildItem tokenStore(CallbackTokenStoreRecorder recorder) {
        return new CallbackTokenStoreBuildItem(recorder.memoryTokenStore());
    }
}
