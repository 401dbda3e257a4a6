package io.quarkiverse.alioss.emulator.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.sdk.SdkClients;

/**
 * What every end-to-end callback test class needs, started before its tests and closed after them: an emulator with
 * default options (so OSS's 5 s callback timeout) and one bucket, a receiver for its callbacks, and the official SDK
 * signing V4 with its CRC check on. Before each test the receiver forgets earlier callbacks and answers
 * {@code {"ok":true}}. Register it with {@code @RegisterExtension static final CallbackRig RIG}.
 */
final class CallbackRig implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final String bucket;
    private OssEmulator emulator;
    private CallbackReceiver receiver;
    private OSS oss;

    CallbackRig(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(bucket).build());
        receiver = new CallbackReceiver();
        oss = SdkClients.client(emulator, SignVersion.V4);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        receiver.reset();
        receiver.answer(200, "application/json", "{\"ok\":true}");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        oss.shutdown();
        receiver.close();
        emulator.close();
    }

    OssEmulator emulator() {
        return emulator;
    }

    CallbackReceiver receiver() {
        return receiver;
    }

    OSS oss() {
        return oss;
    }
}
