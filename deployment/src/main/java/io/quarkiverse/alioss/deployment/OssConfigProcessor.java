package io.quarkiverse.alioss.deployment;

import java.util.List;

import io.quarkiverse.alioss.OssCredentialsProvider;
import io.quarkiverse.alioss.deployment.callback.CallbackResourceMethodBuildItem;
import io.quarkiverse.alioss.deployment.callback.CallbackRouteBuildItem;
import io.quarkiverse.alioss.runtime.config.OssConfigRecorder;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeansRuntimeInitBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.Consume;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ServiceStartBuildItem;

/**
 * Validates the {@code quarkus.oss} configuration when the application starts, so a wrong key fails the start
 * instead of the first upload, and keeps the beans the configuration refers to by name.
 */
class OssConfigProcessor {

    @BuildStep
    void beans(BuildProducer<AdditionalBeanBuildItem> additionalBeans,
            BuildProducer<UnremovableBeanBuildItem> unremovableBeans) {
        additionalBeans.produce(AdditionalBeanBuildItem.unremovableOf(OssSettingsRegistry.class));
        // looked up by the name in quarkus.oss.credentials.custom-bean, never injected, so ArC would drop them
        unremovableBeans.produce(UnremovableBeanBuildItem.beanTypes(OssCredentialsProvider.class));
        unremovableBeans.produce(UnremovableBeanBuildItem.beanTypes(io.quarkus.credentials.CredentialsProvider.class));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ServiceStartBuildItem validateAtStartup(OssConfigRecorder recorder,
            List<OssDefaultClientRequiredBuildItem> defaultClientUses, List<CallbackRouteBuildItem> callbackRoutes,
            List<CallbackResourceMethodBuildItem> callbackResourceMethods) {
        // Without a use, the default client is validated only when one of its keys is set.
        recorder.validate(!defaultClientUses.isEmpty(), !callbackRoutes.isEmpty() || !callbackResourceMethods.isEmpty());
        return new ServiceStartBuildItem(AliOssProcessor.FEATURE + "-config");
    }
}
