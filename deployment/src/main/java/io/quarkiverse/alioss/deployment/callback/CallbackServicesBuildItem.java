package io.quarkiverse.alioss.deployment.callback;

import io.quarkiverse.alioss.runtime.callback.receive.CallbackRouteServices;
import io.quarkus.builder.item.SimpleBuildItem;
import io.quarkus.runtime.RuntimeValue;

/** The run-time services shared by the callback routes, for the steps that create the callback templates. */
public final class CallbackServicesBuildItem extends SimpleBuildItem {

    private final RuntimeValue<CallbackRouteServices> services;

    CallbackServicesBuildItem(RuntimeValue<CallbackRouteServices> services) {
        this.services = services;
    }

    public RuntimeValue<CallbackRouteServices> services() {
        return services;
    }
}
