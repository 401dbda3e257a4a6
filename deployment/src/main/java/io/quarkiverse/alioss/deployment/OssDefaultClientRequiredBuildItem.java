package io.quarkiverse.alioss.deployment;

import java.util.Objects;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * Says that the application uses the default OSS client (for example it injects it without a qualifier), so its
 * configuration must be valid at start-up even when none of its keys is set.
 */
public final class OssDefaultClientRequiredBuildItem extends MultiBuildItem {

    private final String reason;

    /** @param reason what needs the default client, for the build log, e.g. the injection point */
    public OssDefaultClientRequiredBuildItem(String reason) {
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String reason() {
        return reason;
    }
}
