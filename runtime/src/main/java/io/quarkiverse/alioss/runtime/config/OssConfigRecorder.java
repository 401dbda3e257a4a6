package io.quarkiverse.alioss.runtime.config;

import java.util.Set;

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
     * @param callbackNames the names of the application's {@code @OssCallback} methods, which need a base URL and a
     *        token secret in production, and are the names {@code quarkus.oss.callback.endpoint} may configure
     */
    public void expect(BeanContainer beans, boolean defaultClientRequired, Set<String> callbackNames) {
        beans.beanInstance(OssSettingsRegistry.class)
                .expect(new OssSettingsRegistry.Uses(defaultClientRequired, callbackNames));
    }

    /** Resolves the settings now, so that a wrong key fails the start even when nothing has read them yet. */
    public void validate(BeanContainer beans) {
        beans.beanInstance(OssSettingsRegistry.class).validated();
    }
}
