package io.quarkiverse.alioss.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Runs after {@code package}: the production build of the demo carries the extension's runtime and nothing of Dev
 * Services, the emulator, or the test-only SDK and browser driver.
 */
@DisabledIfSystemProperty(named = "native.image.path", matches = ".+", disabledReason = "a native build has no jar"
        + " libraries to inspect; the native image is built from the same dependencies as the jar checked here")
class ProductionPackageIT {

    private static final Path LIBRARIES = Path.of("target", "quarkus-app", "lib");

    @Test
    void packagedApplicationHoldsNoEmulator() throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.walk(LIBRARIES)) {
            jars = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
        }
        assertThat(jars).anyMatch(name -> name.startsWith("io.quarkiverse.alioss.quarkus-alioss-"))
                .noneMatch(name -> name.contains("emulator"))
                .noneMatch(name -> name.contains("deployment"))
                .noneMatch(name -> name.contains("aliyun-sdk-oss"))
                .noneMatch(name -> name.contains("selenium"));
    }
}
