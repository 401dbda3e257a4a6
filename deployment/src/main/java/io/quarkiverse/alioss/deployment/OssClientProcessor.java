package io.quarkiverse.alioss.deployment;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.runtime.client.OssClientRecorder;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkus.arc.BeanDestroyer;
import io.quarkus.arc.deployment.BeanRegistrationPhaseBuildItem;
import io.quarkus.arc.deployment.QualifierRegistrarBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BuildExtension;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.arc.processor.QualifierRegistrar;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.vertx.mutiny.core.Vertx;

/**
 * Registers {@link OssClient} and {@link ReactiveOssClient} beans: the default client, plus every named client that
 * some injection point asks for with {@code @OssClientName("name")}.
 */
class OssClientProcessor {

    private static final DotName OSS_CLIENT = DotName.createSimple(OssClient.class);
    private static final DotName REACTIVE_OSS_CLIENT = DotName.createSimple(ReactiveOssClient.class);
    private static final DotName CLIENT_NAME = DotName.createSimple(OssClientName.class);

    /**
     * The runtime jar is not a bean archive: without this, ArC does not know {@link OssClientName} as a qualifier and
     * treats {@code @OssClientName("x") OssClient} as the default client.
     */
    @BuildStep
    QualifierRegistrarBuildItem registerQualifier() {
        return new QualifierRegistrarBuildItem(new QualifierRegistrar() {
            @Override
            public Map<DotName, Set<String>> getAdditionalQualifiers() {
                return Map.of(CLIENT_NAME, Set.of());
            }
        });
    }

    @BuildStep
    InjectedOssClientsBuildItem findInjectedClients(BeanRegistrationPhaseBuildItem registration,
            BuildProducer<OssDefaultClientRequiredBuildItem> defaultRequired,
            BuildProducer<ValidationErrorBuildItem> errors) {
        Set<String> names = new TreeSet<>();
        String defaultUse = null;
        for (InjectionPointInfo point : registration.getContext().get(BuildExtension.Key.INJECTION_POINTS)) {
            DotName type = point.getRequiredType().name();
            if (!type.equals(OSS_CLIENT) && !type.equals(REACTIVE_OSS_CLIENT)) {
                continue;
            }
            AnnotationInstance qualifier = point.getRequiredQualifier(CLIENT_NAME);
            if (qualifier == null) {
                names.add(OssClientName.DEFAULT);
                if (defaultUse == null) {
                    defaultUse = point.getTargetInfo();
                }
            } else {
                AnnotationValue value = qualifier.value();
                if (value == null || value.asString().isBlank()) {
                    // reported with every other build problem; the name still gets a bean below, so ArC does not
                    // report the same injection point as unsatisfied instead of this message
                    errors.produce(new ValidationErrorBuildItem(new DeploymentException("@OssClientName needs a"
                            + " client name, e.g. @OssClientName(\"archive\") for quarkus.oss.archive.*, at "
                            + point.getTargetInfo())));
                }
                names.add(value == null ? "" : value.asString());
            }
        }
        if (defaultUse != null) {
            defaultRequired.produce(new OssDefaultClientRequiredBuildItem("injected at " + defaultUse));
        }
        return new InjectedOssClientsBuildItem(names);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerClients(InjectedOssClientsBuildItem injected, OssClientRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        Set<String> names = new TreeSet<>(injected.names());
        names.add(OssClientName.DEFAULT); // for programmatic lookup; created only when used
        for (String name : names) {
            beans.produce(configure(SyntheticBeanBuildItem.configure(ReactiveOssClient.class), name)
                    .createWith(recorder.reactiveClient(name))
                    .addInjectionPoint(ClassType.create(Vertx.class))
                    .addInjectionPoint(ClassType.create(ObjectMapper.class))
                    .addInjectionPoint(ClassType.create(OssSettingsRegistry.class))
                    .destroyer(BeanDestroyer.AutoCloseableDestroyer.class)
                    .done());
            SyntheticBeanBuildItem.ExtendedBeanConfigurator blocking = configure(
                    SyntheticBeanBuildItem.configure(OssClient.class), name).createWith(recorder.blockingClient(name))
                    .addInjectionPoint(ClassType.create(Vertx.class))
                    .addInjectionPoint(ClassType.create(OssSettingsRegistry.class));
            if (OssClientName.DEFAULT.equals(name)) {
                blocking.addInjectionPoint(ClassType.create(ReactiveOssClient.class));
            } else {
                blocking.addInjectionPoint(ClassType.create(ReactiveOssClient.class), qualifier(name));
            }
            beans.produce(blocking.done());
        }
    }

    private static SyntheticBeanBuildItem.ExtendedBeanConfigurator configure(
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean, String name) {
        bean.scope(Singleton.class).setRuntimeInit().unremovable();
        if (!OssClientName.DEFAULT.equals(name)) {
            bean.addQualifier(qualifier(name)); // without an explicit qualifier a synthetic bean is @Default
        }
        return bean;
    }

    private static AnnotationInstance qualifier(String name) {
        return AnnotationInstance.builder(CLIENT_NAME).add("value", name).build();
    }
}
