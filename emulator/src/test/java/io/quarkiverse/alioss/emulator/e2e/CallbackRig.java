package io.quarkiverse.alioss.emulator.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.sdk.SdkClients;

/**
 * What every end-to-end callback test needs: an emulator with default options (so OSS's 5 s callback timeout) and
 * one bucket, a receiver for its callbacks, and the official SDK signing V4 with its CRC check on.
 */
final class CallbackRig implements AutoCloseable {

    final OssEmulator emulator;
    final CallbackReceiver receiver;
    final OSS oss;

    CallbackRig(String bucket) throws Exception {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket(bucket).build());
        receiver = new CallbackReceiver();
        oss = SdkClients.client(emulator, SignVersion.V4);
    }

    @Override
    public void close() {
        oss.shutdown();
        receiver.close();
        emulator.close();
    }
}
