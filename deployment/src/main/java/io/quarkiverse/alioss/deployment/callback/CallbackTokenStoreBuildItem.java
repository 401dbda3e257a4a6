package io.quarkiverse.alioss.deployment.callback;

import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.runtime.RuntimeValue;

/**
 * The store of used callback tokens the application is configured with ({@code quarkus.oss.callback.token.store}),
 * created at run-time init, for the steps that mount the callback routes. Only created when a step consumes it.
 */
public final class CallbackTokenStoreBuildItem extends SimpleBuildItem {

    private final RuntimeValue<CallbackTokenStore> store;

    CallbackTokenStoreBuildItem(RuntimeValue<CallbackTokenStore> store) {
        this.store = store;
    }

    public RuntimeValue<CallbackTokenStore> store() {
        return store;
    }
}
