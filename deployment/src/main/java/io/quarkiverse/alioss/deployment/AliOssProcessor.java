package io.quarkiverse.alioss.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;

/** Registers the extension as a feature; every other concern has a processor of its own. */
public class AliOssProcessor {

    /** The feature name, also the Dev Services feature. */
    public static final String FEATURE = "alioss";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }
}
