package io.quarkiverse.alioss.runtime.rest;

import java.util.Map;

import io.quarkiverse.alioss.runtime.callback.receive.CallbackIntake;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackReplies;

/**
 * The intakes of the {@code @OssCallback} resource methods, by callback name. RESTEasy Reactive builds its handler
 * chains before the callback services exist (they need run-time configuration), so the handlers look their intake up
 * here on first use; {@link RestCallbackRecorder} fills it at run-time init.
 */
final class RestCallbackRegistry {

    /**
     * One resource-method callback: its intake, the reply writer for its refusals, and where each bound value is
     * among the intake's arguments.
     */
    record Registered(CallbackIntake intake, CallbackReplies replies, Map<String, Integer> argumentPositions) {
    }

    private static volatile Map<String, Registered> registered = Map.of();

    private RestCallbackRegistry() {
    }

    static void install(Map<String, Registered> byName) {
        registered = Map.copyOf(byName);
    }

    static Registered find(String callbackName) {
        Registered found = registered.get(callbackName);
        if (found == null) {
            throw new IllegalStateException("No @OssCallback resource method named '" + callbackName
                    + "' was registered at startup; known: " + registered.keySet());
        }
        return found;
    }
}
