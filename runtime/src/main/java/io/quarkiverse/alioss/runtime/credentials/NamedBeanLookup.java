package io.quarkiverse.alioss.runtime.credentials;

import java.util.Optional;

/** Finds CDI beans by name; an interface so credentials can be resolved and tested without a container. */
public interface NamedBeanLookup {

    /** @return the bean named {@code name} if there is one and it is a {@code type} */
    <T> Optional<T> named(String name, Class<T> type);

    /** @return the bean of {@code type} with the {@code @Default} qualifier, if there is one */
    <T> Optional<T> byDefault(Class<T> type);
}
