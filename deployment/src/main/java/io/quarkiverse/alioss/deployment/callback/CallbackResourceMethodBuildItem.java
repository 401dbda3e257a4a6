package io.quarkiverse.alioss.deployment.callback;

import java.util.Map;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A valid {@code @OssCallback} JAX-RS resource method: RESTEasy Reactive serves it (see {@link RestCallbackProcessor}),
 * so it gets no generated route, only its callback template.
 */
public final class CallbackResourceMethodBuildItem extends MultiBuildItem {

    private final CallbackMethod callback;

    CallbackResourceMethodBuildItem(CallbackMethod callback) {
        this.callback = callback;
    }

    CallbackMethod callback() {
        return callback;
    }

    /** What the Dev UI lists about this callback. */
    public Map<String, Object> devUiSummary() {
        return callback.devUiSummary("Quarkus REST");
    }

    /** The callback name, unique in the application. */
    public String name() {
        return callback.name();
    }
}
