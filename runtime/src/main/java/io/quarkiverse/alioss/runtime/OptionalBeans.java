package io.quarkiverse.alioss.runtime;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;

/** Beans the build registers only when the application has some extension, such as Micrometer or OpenTelemetry. */
public final class OptionalBeans {

    private OptionalBeans() {
    }

    /** The bean of {@code type} when there is one (and a container at all), otherwise {@code fallback}. */
    public static <T> T orElse(Class<T> type, T fallback) {
        ArcContainer container = Arc.container();
        if (container == null) {
            return fallback;
        }
        InstanceHandle<T> handle = container.instance(type);
        return handle.isAvailable() ? handle.get() : fallback;
    }
}
