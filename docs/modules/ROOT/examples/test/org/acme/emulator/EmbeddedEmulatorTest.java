package org.acme.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;

/** The emulator page's example, run as it is shown. */
class EmbeddedEmulatorTest {

    @Test
    void startsConfiguresAndStops() {
        // tag::embed[]
        try (OssEmulator emulator = OssEmulator.start(OssEmulatorOptions.builder()
                .bucket("photos") // any number of buckets
                .port(0) // default: a free port
                .dataDir(Path.of("target/oss")) // default: memory
                .build())) {
            String endpoint = emulator.baseUrl(); // http://127.0.0.1:<port>, path-style
            String keyId = emulator.accessKeyId();
            String secret = emulator.accessKeySecret();
            String region = emulator.region();
            String keyUrl = emulator.callbackPublicKeyUrl(); // serves the callback signing key (PEM)
            String pem = emulator.callbackPublicKeyPem(); // the same PEM, to trust it without a fetch
            emulator.faults().set("PutObject:error-rate=0.5"); // change faults while it runs
            emulator.createBucket("more");
            // tag::checks[]
            assertThat(endpoint).startsWith("http://127.0.0.1:");
            assertThat(keyUrl).startsWith(endpoint);
            assertThat(pem).contains("BEGIN PUBLIC KEY");
            assertThat(keyId).isNotEmpty();
            assertThat(secret).isNotEmpty();
            assertThat(region).isEqualTo("cn-hangzhou");
            // end::checks[]
        }
        // end::embed[]
    }
}
