package io.quarkiverse.alioss.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The command line: options, help, refusal of bad input, and the start line. */
class EmulatorMainTest {

    @Test
    void parsesEveryOption() {
        OssEmulatorOptions options = EmulatorMain.parse(new String[] { "--port", "0", "--bucket", "one",
                "--bucket=two", "--access-key-id", "id", "--access-key-secret", "secret", "--region", "cn-beijing",
                "--data-dir", "/tmp/x", "--event-loops", "3", "--fault", "PutObject:error-rate=0.2,latency=50ms" });
        assertThat(options.port()).isZero();
        assertThat(options.buckets()).containsExactly("one", "two");
        assertThat(options.accessKeyId()).isEqualTo("id");
        assertThat(options.accessKeySecret()).isEqualTo("secret");
        assertThat(options.region()).isEqualTo("cn-beijing");
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.eventLoops()).isEqualTo(3);
        assertThat(options.faults()).containsExactly("PutObject:error-rate=0.2,latency=50ms");
    }

    @Test
    void helpIsNoOptions() {
        assertThat(EmulatorMain.parse(new String[] { "--help" })).isNull();
        assertThat(EmulatorMain.USAGE).contains("--port", "--bucket", "--data-dir", "--fault");
    }

    @Test
    void refusesBadInputNamingTheOption() {
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--colour", "red" }))
                .hasMessageContaining("--colour");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--port", "eighty" }))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--bucket", "Bad_Name" }))
                .hasMessageContaining("Bad_Name");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--fault", "PutObject:error-rate=2" }))
                .hasMessageContaining("error-rate");
        assertThatThrownBy(() -> EmulatorMain.parse(new String[] { "--bucket" }))
                .hasMessageContaining("needs a value");
    }

    @Test
    void printsOneLineWithTheBaseUrl() {
        try (OssEmulator emulator = OssEmulator.start(EmulatorMain.parse(new String[] { "--port", "0" }))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            EmulatorMain.printStarted(new PrintStream(out, true, StandardCharsets.UTF_8), emulator);
            String line = out.toString(StandardCharsets.UTF_8);
            assertThat(line.lines()).hasSize(1);
            assertThat(line).contains(emulator.baseUrl()).contains(emulator.callbackPublicKeyUrl());
            assertThat(emulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        }
    }
}
