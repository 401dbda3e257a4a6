package io.quarkiverse.alioss.runtime.config;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/** Validates the OSS configuration when the application starts and fails the start with every problem found. */
@Recorder
public class OssConfigRecorder {

    private final RuntimeValue<OssRuntimeConfig> config;

    public OssConfigRecorder(RuntimeValue<OssRuntimeConfig> config) {
        this.config = config;
    }

    public void validate(boolean defaultClientRequired, boolean hasCallbackEndpoints) {
        OssConfigValidator.Result result = new OssConfigValidator(OssClientSettingsResolver.forApplication())
                .validate(config.getValue(), defaultClientRequired, LaunchMode.current().isDevOrTest(),
                        hasCallbackEndpoints);
        Arc.container().instance(OssSettingsRegistry.class).get().publish(result);
    }
}
