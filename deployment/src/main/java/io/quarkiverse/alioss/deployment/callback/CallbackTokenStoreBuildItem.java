package io.quarkiverse.alioss.deployment.callback;

import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.runtime.RuntimeValue;

/** The store of used callback tokens the routes share, as configured. */
public final class CallbackTokenStoreBuildItem extends SimpleBuildItem {

    private final RuntimeValue<CallbackTokenStore> store;

    public CallbackTokenStoreBuildItem(RuntimeValue<CallbackTokenStore> store) {
        this.store = store;
    }

    public RuntimeValue<CallbackTokenStore> store() {
        return store;
    }
}
