package io.quarkiverse.alioss.deployment.callback;

import java.util.Map;

import io.quarkus.builder.item.MultiBuildItem;

/** A valid {@code @OssCallback} bean method that gets a generated route handler. */
public final class CallbackRouteBuildItem extends MultiBuildItem {

    private final CallbackMethod callback;

    CallbackRouteBuildItem(CallbackMethod callback) {
        this.callback = callback;
    }

    CallbackMethod callback() {
        return callback;
    }

    /** What the Dev UI lists about this callback. */
    public Map<String, Object> devUiSummary() {
        return callback.devUiSummary("generated route");
    }

    /** The callback name, unique in the application. */
    public String name() {
        return callback.name();
    }
}
