package io.quarkiverse.alioss.runtime.rest;

import java.util.Map;

import io.quarkiverse.alioss.runtime.callback.CallbackIntake;

/**
 * The intakes of the {@code @OssCallback} resource methods, by callback name. RESTEasy Reactive builds its handler
 * chains before the callback services exist (they need run-time configuration), so the handlers look their intake up
 * here on first use; {@link RestCallbackRecorder} fills it at run-time init.
 */
final class RestCallbackRegistry {

    private static volatile Map<String, CallbackIntake> intakes = Map.of();

    private RestCallbackRegistry() {
    }

    static void install(Map<String, CallbackIntake> byName) {
        intakes = Map.copyOf(byName);
    }

    static CallbackIntake intake(String callbackName) {
        CallbackIntake intake = intakes.get(callbackName);
        if (intake == null) {
            throw new IllegalStateException("No @OssCallback resource method named '" + callbackName
                    + "' was registered at startup; known: " + intakes.keySet());
        }
        return intake;
    }
}
