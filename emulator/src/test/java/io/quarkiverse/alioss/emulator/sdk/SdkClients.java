package io.quarkiverse.alioss.emulator.sdk;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkiverse.alioss.emulator.OssEmulator;

/** The official SDK configured against an emulator, with the signature version under test. */
final class SdkClients {

    private SdkClients() {
    }

    static OSS client(OssEmulator emulator, SignVersion version) {
        return client(emulator, version, emulator.accessKeyId(), emulator.accessKeySecret(), 0);
    }

    /** @param skewMillis how far the client's clock is off (0 for a correct clock) */
    static OSS client(OssEmulator emulator, SignVersion version, String accessKeyId, String secret) {
        return client(emulator, version, accessKeyId, secret, 0);
    }

    static OSS client(OssEmulator emulator, SignVersion version, String accessKeyId, String secret, long skewMillis) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setCrcCheckEnabled(true);
        conf.setMaxErrorRetry(0);
        conf.setSignatureVersion(version);
        if (skewMillis != 0) {
            // the SDK takes the epoch time the client should believe it is now
            conf.setTickOffset(System.currentTimeMillis() + skewMillis);
        }
        return OSSClientBuilder.create()
                .endpoint(emulator.baseUrl())
                .credentialsProvider(new DefaultCredentialProvider(accessKeyId, secret))
                .clientConfiguration(conf)
                .region(emulator.region())
                .build();
    }
}
