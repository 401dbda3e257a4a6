package io.quarkiverse.alioss.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * A production build with no OSS settings starts no emulator. (That the packaged application contains no emulator
 * code is checked on the real demo package by {@code ProductionPackageIT} in the integration tests; here the
 * deployment module's own class path would put it there.)
 */
class NoDevServicesInProductionTest {

    @RegisterExtension
    static final QuarkusProdModeTest TEST = new QuarkusProdModeTest()
            .setApplicationName("no-devservices-in-prod")
            .setApplicationVersion("0.1")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.alioss"))
            .setRun(false);

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void buildStartsNoEmulator() {
        assertThat(results.getRetainedBuildLogRecords())
                .extracting(record -> String.valueOf(record.getMessage()))
                .noneMatch(message -> message.contains("Dev Services for OSS"));
    }
}
