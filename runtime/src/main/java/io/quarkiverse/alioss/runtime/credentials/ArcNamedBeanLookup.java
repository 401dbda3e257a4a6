package io.quarkiverse.alioss.runtime.credentials;

import java.util.Optional;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;

/** {@link NamedBeanLookup} backed by the ArC container of the running application. */
public final class ArcNamedBeanLookup implements NamedBeanLookup {

    @Override
    public <T> Optional<T> named(String name, Class<T> type) {
        InstanceHandle<Object> handle = Arc.container().instance(name);
        if (!handle.isAvailable()) {
            return Optional.empty();
        }
        Object bean = handle.get();
        return type.isInstance(bean) ? Optional.of(type.cast(bean)) : Optional.empty();
    }

    @Override
    public <T> Optional<T> byDefault(Class<T> type) {
        InstanceHandle<T> handle = Arc.container().instance(type);
        return handle.isAvailable() ? Optional.of(handle.get()) : Optional.empty();
    }
}
