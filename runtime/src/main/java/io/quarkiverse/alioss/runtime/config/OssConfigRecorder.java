package io.quarkiverse.alioss.runtime.config;

import io.quarkus.arc.runtime.BeanContainer;
import io.quarkus.runtime.annotations.Recorder;

/** Validates the OSS configuration when the application starts and fails the start with every problem found. */
@Recorder
public class OssConfigRecorder {

    /**
     * Tells the settings what the application uses, at static init so that it is known before any run-time init
     * step reads them.
     *
     * @param defaultClientRequired whether the application uses the default client, so it must be valid even when
     *        none of its keys is set
     * @param hasCallbackEndpoints whether the application has {@code @OssCallback} methods, which need a token secret
     *        in production
     */
    public void expect(BeanContainer beans, boolean defaultClientRequired, boolean hasCallbackEndpoints) {
        beans.beanInstance(OssSettingsRegistry.class)
                .expect(new OssSettingsRegistry.Uses(defaultClientRequired, hasCallbackEndpoints));
    }

    /** Resolves the settings now, so that a wrong key fails the start even when nothing has read them yet. */
    public void validate(BeanContainer beans) {
        beans.beanInstance(OssSettingsRegistry.class).validated();
    }
}
