package io.quarkiverse.alioss.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;

/** Embedding: independent instances in one JVM, options applied at start, clean stop. */
class OssEmulatorTest {

    private static OSS client(OssEmulator emulator, String id, String secret) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setMaxErrorRetry(0);
        return new OSSClientBuilder().build(emulator.baseUrl(), new DefaultCredentialProvider(id, secret), conf);
    }

    @Test
    void twoInstancesHaveTheirOwnPortsCredentialsAndObjects() {
        try (OssEmulator a = OssEmulator.start(OssEmulatorOptions.builder().bucket("shared-name").eventLoops(3)
                .accessKeyId("id-a").accessKeySecret("secret-a").build());
                OssEmulator b = OssEmulator.start(OssEmulatorOptions.builder().bucket("shared-name")
                        .accessKeyId("id-b").accessKeySecret("secret-b").build())) {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.callbackPublicKeyUrl()).startsWith(a.baseUrl());
            OSS toA = client(a, "id-a", "secret-a");
            OSS bKeyOnA = client(a, "id-b", "secret-b");
            try {
                // with three event loops, sequential connections land on different servers sharing one store
                for (int i = 0; i < 6; i++) {
                    toA.putObject("shared-name", "n" + i, new ByteArrayInputStream(new byte[] { 1 }));
                    assertThat(toA.doesObjectExist("shared-name", "n" + i)).isTrue();
                }
                toA.putObject("shared-name", "only-in-a", new ByteArrayInputStream(new byte[] { 1 }));
                assertThat(a.hasObject("shared-name", "only-in-a")).isTrue();
                assertThat(b.hasObject("shared-name", "only-in-a")).isFalse();
                assertThatThrownBy(() -> bKeyOnA.getObject("shared-name", "only-in-a"))
                        .isInstanceOfSatisfying(OSSException.class,
                                e -> assertThat(e.getErrorCode()).isEqualTo("InvalidAccessKeyId"));
            } finally {
                toA.shutdown();
                bKeyOnA.shutdown();
            }
        }
    }

    @Test
    void faultsGivenAtStartApply() {
        try (OssEmulator emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket("faulty")
                .fault("GetBucketInfo:error-rate=1").build())) {
            OSS oss = client(emulator, emulator.accessKeyId(), emulator.accessKeySecret());
            try {
                assertThatThrownBy(() -> oss.getBucketInfo("faulty")).isInstanceOfSatisfying(OSSException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("ServiceUnavailable"));
                emulator.faults().clear();
                assertThat(oss.getBucketInfo("faulty").getBucket().getName()).isEqualTo("faulty");
            } finally {
                oss.shutdown();
            }
        }
    }

    @Test
    void closeStopsListening() throws Exception {
        OssEmulator emulator = OssEmulator.start(OssEmulatorOptions.builder().build());
        URI keyUrl = URI.create(emulator.callbackPublicKeyUrl());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> pem = http.send(HttpRequest.newBuilder(keyUrl).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pem.body()).startsWith("-----BEGIN PUBLIC KEY-----").isEqualTo(emulator.callbackPublicKeyPem());
        emulator.close();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(keyUrl).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void optionsRefuseBadValuesNamingThem() {
        assertThatThrownBy(() -> OssEmulatorOptions.builder().bucket("UPPER")).hasMessageContaining("UPPER");
        assertThatThrownBy(() -> OssEmulatorOptions.builder().port(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> OssEmulatorOptions.builder().accessKeySecret(" "))
                .hasMessageContaining("accessKeySecret");
    }
}
