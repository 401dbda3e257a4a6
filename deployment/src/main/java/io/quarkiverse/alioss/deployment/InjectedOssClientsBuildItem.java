package io.quarkiverse.alioss.deployment;

import java.util.Set;

import io.quarkiverse.alioss.OssClientName;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The client names injected anywhere in the application ({@link OssClientName#DEFAULT} for unqualified injection
 * points): the clients that get beans, and that Dev Services points at the emulator when they have no endpoint.
 */
public final class InjectedOssClientsBuildItem extends SimpleBuildItem {

    private final Set<String> names;

    InjectedOssClientsBuildItem(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    public Set<String> names() {
        return names;
    }
}
