package io.quarkiverse.alioss.deployment.devservices;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;

/** An emulator started by Dev Services, with the settings it was started with (to decide on reuse). */
record RunningEmulator(EmulatorSettings settings, OssEmulator emulator) implements AutoCloseable {

    static RunningEmulator start(EmulatorSettings settings) {
        OssEmulatorOptions.Builder options = OssEmulatorOptions.builder()
                .port(settings.port())
                .accessKeyId(settings.accessKeyId())
                .accessKeySecret(settings.accessKeySecret())
                .region(settings.region())
                .dataDir(settings.dataDir());
        settings.buckets().forEach(options::bucket);
        return new RunningEmulator(settings, OssEmulator.start(options.build()));
    }

    @Override
    public void close() {
        emulator.close();
    }
}
