package io.quarkiverse.alioss.deployment;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.credentials.OssCredentialsProvider;
import io.quarkiverse.alioss.deployment.callback.CallbackResourceMethodBuildItem;
import io.quarkiverse.alioss.deployment.callback.CallbackRouteBuildItem;
import io.quarkiverse.alioss.runtime.config.OssConfigRecorder;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
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

    private static final Logger LOG = Logger.getLogger(OssConfigProcessor.class);

    @BuildStep
    void beans(BuildProducer<AdditionalBeanBuildItem> additionalBeans,
            BuildProducer<UnremovableBeanBuildItem> unremovableBeans) {
        additionalBeans.produce(AdditionalBeanBuildItem.unremovableOf(OssSettingsRegistry.class));
        // looked up by the name in quarkus.oss.credentials.custom-bean, never injected, so ArC would drop them
        unremovableBeans.produce(UnremovableBeanBuildItem.beanTypes(OssCredentialsProvider.class));
        unremovableBeans.produce(UnremovableBeanBuildItem.beanTypes(io.quarkus.credentials.CredentialsProvider.class));
    }

    /**
     * Static init runs before every run-time init step, so the settings know what the application uses whichever
     * run-time step reads them first.
     */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void expectUses(OssConfigRecorder recorder, BeanContainerBuildItem beans,
            List<OssDefaultClientRequiredBuildItem> defaultClientUses, List<CallbackRouteBuildItem> callbackRoutes,
            List<CallbackResourceMethodBuildItem> callbackResourceMethods) {
        // Without a use, the default client is validated only when one of its keys is set.
        if (!defaultClientUses.isEmpty()) {
            LOG.debugf("The default OSS client must be configured: %s", defaultClientUses.stream()
                    .map(OssDefaultClientRequiredBuildItem::reason).collect(Collectors.joining("; ")));
        }
        Set<String> callbackNames = new TreeSet<>();
        callbackRoutes.forEach(route -> callbackNames.add(route.name()));
        callbackResourceMethods.forEach(method -> callbackNames.add(method.name()));
        recorder.expect(beans.getValue(), !defaultClientUses.isEmpty(), callbackNames);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    @Consume(SyntheticBeansRuntimeInitBuildItem.class)
    ServiceStartBuildItem validateAtStartup(OssConfigRecorder recorder, BeanContainerBuildItem beans) {
        recorder.validate(beans.getValue());
        return new ServiceStartBuildItem(AliOssProcessor.FEATURE + "-config");
    }
}
