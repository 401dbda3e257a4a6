package io.quarkiverse.alioss.runtime.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackRuntime;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackIntake;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackRouteServices;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/** Makes the {@code @OssCallback} resource methods share the services of the generated callback routes. */
@Recorder
public class RestCallbackRecorder {

    /** Installs the resource methods' intakes into this start's {@link CallbackRuntime}. */
    public void register(List<CallbackEndpoint> endpoints, RuntimeValue<CallbackRouteServices> services) {
        Map<String, CallbackIntake> byName = new HashMap<>();
        for (CallbackEndpoint endpoint : endpoints) {
            byName.put(endpoint.name(), CallbackIntake.of(endpoint, services.getValue()));
        }
        CallbackRuntime.current().installResourceMethods(byName);
    }
}
