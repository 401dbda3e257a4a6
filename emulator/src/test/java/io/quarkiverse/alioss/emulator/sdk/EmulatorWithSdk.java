package io.quarkiverse.alioss.emulator.sdk;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.http.SignedHttp;

/**
 * One emulator per test class with the given buckets, the official SDK (V4) pointed at it and, when a test asks for
 * it, a plain HTTP client that signs as OSS clients do; all closed after the class.
 */
public final class EmulatorWithSdk implements BeforeAllCallback, AfterAllCallback {

    private final String[] buckets;
    private OssEmulator emulator;
    private OSS oss;
    private SignedHttp http;

    public EmulatorWithSdk(String... buckets) {
        this.buckets = buckets;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        OssEmulatorOptions.Builder options = OssEmulatorOptions.builder();
        for (String bucket : buckets) {
            options.bucket(bucket);
        }
        emulator = OssEmulator.start(options.build());
        oss = SdkClients.client(emulator, SignVersion.V4);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        oss.shutdown();
        if (http != null) {
            http.close();
        }
        emulator.close();
    }

    public OssEmulator emulator() {
        return emulator;
    }

    public OSS oss() {
        return oss;
    }

    public synchronized SignedHttp http() {
        if (http == null) {
            http = new SignedHttp(emulator);
        }
        return http;
    }
}
