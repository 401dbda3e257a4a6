package io.quarkiverse.alioss.runtime.client.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListMultipartUploadsRequest;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.model.ByteRange;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.runtime.client.RetryStrategy;
import io.quarkiverse.alioss.runtime.crc.Crc64;

/**
 * The client against a misbehaving emulator (its fault injection): part uploads that fail now and then are retried
 * and the object is still right; parts that always fail end in one clear exception and an aborted upload; a
 * corrupted download is caught by CRC-64 on every full-read path.
 */
class FaultInjectionTest {

    private static final String BUCKET = "faults";
    private static final int PART_SIZE = (int) UploadOptions.MIN_PART_SIZE;
    /** Short backoff so the test is fast, and enough retries that a 10% failure rate never exhausts them. */
    private static final RetryStrategy RETRY = new RetryStrategy(9, Duration.ofMillis(5), Duration.ofMillis(50));

    /** With 10% failing, the chance that none of {@value #FLAKY_PARTS} parts fails is 0.9^100, about 3e-5. */
    private static final int FLAKY_PARTS = 100;

    private static EmulatorClients env;
    private static OssClient client;
    private static OSS sdk;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        env = new EmulatorClients(BUCKET, null, RETRY);
        client = env.client;
        sdk = EmulatorClients.officialSdk(env.emulator);
    }

    @AfterAll
    static void stop() throws Exception {
        sdk.shutdown();
        env.close();
    }

    @AfterEach
    void clearFaults() {
        env.emulator.faults().clear();
    }

    @Test
    void uploadOfAFileCompletesWithTheRightCrcWhenTenPercentOfPartUploadsFail() throws Exception {
        byte[] data = EmulatorClients.random(FLAKY_PARTS * PART_SIZE - 4321);
        Path file = Files.write(tmp.resolve("flaky.bin"), data);

        uploadWithFlakyParts("flaky/file.bin", data, options -> client.upload("flaky/file.bin", file, options));
    }

    @Test
    void uploadOfAStreamCompletesWithTheRightCrcWhenTenPercentOfPartUploadsFail() throws Exception {
        byte[] data = EmulatorClients.random(FLAKY_PARTS * PART_SIZE - 1234);

        uploadWithFlakyParts("flaky/stream.bin", data,
                options -> client.upload("flaky/stream.bin", new ByteArrayInputStream(data), options));
    }

    private void uploadWithFlakyParts(String key, byte[] data, Function<UploadOptions, UploadResult> upload) {
        // resets are drawn first, then 503s from the rest: 0.05 + 0.95 * 0.053 = 10% of part uploads fail
        env.emulator.faults().set("UploadPart:reset-rate=0.05,error-rate=0.053");
        int attemptsBefore = env.signedAttempts.get();

        UploadResult result = upload.apply(UploadOptions.defaults().partSize(PART_SIZE).multipartThreshold(PART_SIZE)
                .parallelism(4));

        int attempts = env.signedAttempts.get() - attemptsBefore;
        assertThat(result.partCount()).isEqualTo(FLAKY_PARTS);
        assertThat(result.etag()).endsWith("-" + FLAKY_PARTS);
        assertThat(result.crc64()).hasValue(Crc64.of(data));
        assertThat(attempts).as("initiate, %d parts and complete, plus the retries of the failed parts", FLAKY_PARTS)
                .isGreaterThan(FLAKY_PARTS + 2);
        env.emulator.faults().clear();
        assertThat(client.headObject(key).crc64()).hasValue(Crc64.of(data));
        assertThat(client.getObject(key).bytes()).isEqualTo(data);
        assertNoUnfinishedUpload("flaky/");
    }

    @Test
    void everyPartFailingEndsInOneClearExceptionAndNoUnfinishedUpload() throws Exception {
        Path file = Files.write(tmp.resolve("doomed.bin"), EmulatorClients.random(24 * PART_SIZE));
        // half of the part uploads lose their connection, the other half get 503: none succeeds, even retried
        env.emulator.faults().set("UploadPart:reset-rate=0.5,error-rate=1");
        int attemptsBefore = env.signedAttempts.get();

        assertThatThrownBy(() -> client.upload("doomed/file.bin", file, UploadOptions.defaults()
                .partSize(PART_SIZE).multipartThreshold(PART_SIZE).parallelism(4)))
                .isInstanceOfSatisfying(OssException.class, e -> {
                    assertThat(e.method()).isEqualTo("PUT");
                    assertThat(e.key()).hasValue("doomed/file.bin");
                    assertThat(e.code()).isIn("ServiceUnavailable", "ConnectionError");
                    assertThat(e.getMessage()).startsWith("PUT doomed/file.bin failed: ");
                });

        assertThat(env.signedAttempts.get() - attemptsBefore).as("the failing part was tried 1 + %d times",
                RETRY.maxRetries()).isGreaterThanOrEqualTo(1 + 1 + RETRY.maxRetries());
        assertNoUnfinishedUpload("doomed/");
        assertThat(env.emulator.hasObject(BUCKET, "doomed/file.bin")).isFalse();
    }

    @Test
    void aCorruptedDownloadIsAnIntegrityErrorOnEveryFullReadPath() throws Exception {
        byte[] data = EmulatorClients.random(300_000);
        client.putObject("corrupt/a.bin", data, UploadOptions.defaults());
        env.emulator.faults().set("GetObject:corrupt=true");
        Consumer<Throwable> integrityError = failure -> assertThat(failure).isInstanceOfSatisfying(
                OssException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidCRC64");
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.key()).hasValue("corrupt/a.bin");
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.getMessage()).contains("CRC-64 mismatch")
                            .contains("OSS " + Crc64.toUnsignedString(Crc64.of(data)));
                });

        assertThatThrownBy(() -> client.getObject("corrupt/a.bin")).satisfies(integrityError);
        assertThatThrownBy(() -> client.getObject("corrupt/a.bin", tmp.resolve("corrupt.bin")))
                .satisfies(integrityError);
        assertThatThrownBy(() -> {
            try (InputStream in = client.getObjectStream("corrupt/a.bin", null)) {
                in.readAllBytes();
            }
        }).satisfies(integrityError);
        assertThatThrownBy(() -> client.reactive().getObjectStream("corrupt/a.bin", null).collect().last().await()
                .indefinitely()).satisfies(integrityError);

        // a ranged read cannot be checked (the header is the whole object's CRC): it is passed through as is
        assertThat(client.getObject("corrupt/a.bin", ByteRange.of(0, 99)).bytes()).hasSize(100)
                .isNotEqualTo(Arrays.copyOf(data, 100));

        env.emulator.faults().clear();
        assertThat(client.getObject("corrupt/a.bin").bytes()).isEqualTo(data);
        assertThat(client.getObject("corrupt/a.bin", tmp.resolve("clean.bin")).crc64()).hasValue(Crc64.of(data));
        assertThat(Files.readAllBytes(tmp.resolve("clean.bin"))).isEqualTo(data);
        try (InputStream in = client.getObjectStream("corrupt/a.bin", null)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    /** Neither our client nor the official SDK sees an unfinished multipart upload under the prefix. */
    private static void assertNoUnfinishedUpload(String prefix) {
        assertThat(client.listMultipartUploads(prefix).uploads()).isEmpty();
        ListMultipartUploadsRequest request = new ListMultipartUploadsRequest(BUCKET);
        request.setPrefix(prefix);
        assertThat(sdk.listMultipartUploads(request).getMultipartUploads()).isEmpty();
    }
}
