package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.metrics.OssMetrics;
import io.quarkiverse.alioss.runtime.tracing.OssTracing;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without Micrometer, SmallRye Health and OpenTelemetry (this module's tests do not have those extensions unless a test
 * forces them in), the extension's metrics, readiness and tracing beans do not exist, and after an upload with a callback (the
 * client and the
 * callback route both ran) none of the classes that refer to those libraries has been loaded.
 * <p>
 * What is proven about loading: the JVM's list of loaded classes, read through the DiagnosticCommand MBean
 * ({@code VM.class_hierarchy}), names none of them. That list covers the whole JVM, so this test runs in a JVM of its
 * own (the {@code own-jvm} surefire execution); it names classes the application did load, which shows the list is
 * the right one.
 */
@Tag("own-jvm")
class WithoutMetricsAndHealthTest {

    static final String SECRET = "without-metrics-and-health-test-secret-0123456789";

    /**
     * Packages that refer to Micrometer, SmallRye Health or OpenTelemetry, ours and theirs, and the Dev UI's journal
     * (dev mode only). The OpenTelemetry API is on this module's test class path (for the tracing test), so only the
     * JVM's loaded classes can show it unused.
     */
    static final List<String> NOT_LOADED = List.of("io.quarkiverse.alioss.runtime.devui.",
            "io.quarkiverse.alioss.runtime.metrics.micrometer.",
            "io.quarkiverse.alioss.runtime.health.", "io.quarkiverse.alioss.runtime.tracing.opentelemetry.",
            "io.micrometer.", "io.smallrye.health.", "org.eclipse.microprofile.health.", "io.opentelemetry.");

    @RegisterExtension
    static final QuarkusUnitTest app = TestEmulator.configure(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Callbacks.class, TestEmulator.class)), SECRET);

    @ApplicationScoped
    static class Callbacks {
        @OssCallback(path = "/oss/plain", name = "plain")
        String plain(@CallbackVar("user") String user) {
            return user;
        }
    }

    @Inject
    OssClient client;

    @Inject
    @CallbackTemplateName("plain")
    OssCallbackTemplate plain;

    @Test
    void noMetricsHealthOrTracingBeansAndNoClassReferringToThemLoaded() throws Exception {
        assertThat(client.putObject("plain/one.txt", "one".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults().callback(plain.fill(Map.of("user", "alice")))).callbackReply())
                .isPresent();

        assertThat(Arc.container().select(OssMetrics.class).isResolvable()).isFalse();
        assertThat(Arc.container().select(OssTracing.class).isResolvable()).isFalse();
        List<String> beanClasses = Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)
                .stream().map(bean -> bean.getBeanClass().getName()).toList();
        assertThat(beanClasses).noneMatch(name -> NOT_LOADED.stream().anyMatch(name::startsWith));

        ClassLoader application = Thread.currentThread().getContextClassLoader();
        assertThatThrownBy(() -> application.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> application.loadClass("org.eclipse.microprofile.health.HealthCheck"))
                .isInstanceOf(ClassNotFoundException.class);

        List<String> loaded = loadedClassNames();
        assertThat(loaded).as("classes the upload and its callback used")
                .contains("io.quarkiverse.alioss.runtime.callback.receive.CallbackOutcomes",
                        "io.quarkiverse.alioss.runtime.client.OssHttp",
                        "io.quarkiverse.alioss.runtime.tracing.OssTracing");
        assertThat(loaded).noneMatch(name -> NOT_LOADED.stream().anyMatch(name::startsWith));
    }

    /** Every class the JVM has loaded, from {@code VM.class_hierarchy} (lines like {@code |--a.b.C/0x...}). */
    private static List<String> loadedClassNames() throws Exception {
        String hierarchy = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmClassHierarchy",
                new Object[] { new String[0] }, new String[] { String[].class.getName() });
        return hierarchy.lines().map(line -> line.replaceFirst("^[|\\s-]*", ""))
                .map(line -> line.replaceFirst("[/\\s].*$", "")).filter(name -> !name.isEmpty()).toList();
    }
}
