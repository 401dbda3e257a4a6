package io.quarkiverse.alioss.emulator.sdk;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import io.quarkiverse.alioss.emulator.OssEmulator;

/** The official SDK configured against an emulator, with the signature version under test. */
public final class SdkClients {

    private SdkClients() {
    }

    public static OSS client(OssEmulator emulator, SignVersion version) {
        return client(emulator, version, emulator.accessKeyId(), emulator.accessKeySecret(), 0);
    }

    /** @param skewMillis how far the client's clock is off (0 for a correct clock) */
    public static OSS client(OssEmulator emulator, SignVersion version, String accessKeyId, String secret, long skewMillis) {
        ClientBuilderConfiguration conf = configuration(version);
        if (skewMillis != 0) {
            // the SDK takes the epoch time the client should believe it is now
            conf.setTickOffset(System.currentTimeMillis() + skewMillis);
        }
        return client(emulator.baseUrl(), emulator.region(), accessKeyId, secret, conf);
    }

    /** A V4 client with the CRC check on for an emulator known only by its URL (one started in another JVM). */
    public static OSS client(String baseUrl, String region, String accessKeyId, String secret) {
        return client(baseUrl, region, accessKeyId, secret, configuration(SignVersion.V4));
    }

    /** The SDK's own CRC-64 check on, no retries (a retry would hide a first failure). */
    private static ClientBuilderConfiguration configuration(SignVersion version) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setCrcCheckEnabled(true);
        conf.setMaxErrorRetry(0);
        conf.setSignatureVersion(version);
        return conf;
    }

    private static OSS client(String baseUrl, String region, String accessKeyId, String secret,
            ClientBuilderConfiguration conf) {
        return OSSClientBuilder.create()
                .endpoint(baseUrl)
                .credentialsProvider(new DefaultCredentialProvider(accessKeyId, secret))
                .clientConfiguration(conf)
                .region(region)
                .build();
    }
}
