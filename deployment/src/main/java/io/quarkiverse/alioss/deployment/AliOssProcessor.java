package io.quarkiverse.alioss.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/** Registers the extension as a feature; every other concern has a processor of its own. */
class AliOssProcessor {

    static final String FEATURE = "alioss";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
