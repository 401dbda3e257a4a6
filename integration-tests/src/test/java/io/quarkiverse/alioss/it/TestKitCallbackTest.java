package io.quarkiverse.alioss.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.testing.CallbackDelivery;
import io.quarkiverse.alioss.testing.EmulatorCallbacks;
import io.quarkiverse.alioss.testing.OssTestKit;
import io.quarkiverse.alioss.testing.SimulatedUpload;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The demo's callback method, called by the emulator through the test kit with a genuine signature and a genuine token
 * from the demo's own template, without uploading anything; and what the route does with signed bodies that carry no
 * token or a used one.
 */
@QuarkusTest
class TestKitCallbackTest {

    final EmulatorCallbacks callbacks = OssTestKit.devServices().callbacks();

    CallbackLogs logs;

    @BeforeEach
    void capture() {
        logs = CallbackLogs.capture();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    void aSignedCallbackForASimulatedUploadRunsTheDemoMethod() {
        CallbackDelivery delivery = callbacks.deliver(SimulatedUpload.of(UploadCallbacks.UPLOAD, "uploads/kit.png")
                .var("source", "kit").size(48213).mimeType("image/png").image(640, 480, "png"));

        assertThat(delivery.failure()).isNull();
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.replyAs(UploadReceipt.class)).isEqualTo(
                new UploadReceipt("uploads/kit.png", 48213, "image/png", 640, 480, "png", "kit", "PutObject"));
        assertThat(callbacks.last()).contains(delivery);
    }

    @Test
    void aSignedBodyWithoutTokenIsRefusedBeforeTheMethodRuns() {
        CallbackDelivery delivery = callbacks.sendSigned("/oss/uploaded", "application/x-www-form-urlencoded",
                CallbackVerificationOnTest.FORGED_BODY);

        assertThat(delivery.status()).isEqualTo(403);
        assertThat(delivery.reply()).contains("token refused");
        assertThat(logs.refusalCodes()).containsExactly("403 TOKEN_MISSING");
        assertThat(logs.receipts()).as("the demo's callback method did not run").isEmpty();
    }

    @Test
    void aDeliveredCallbackCannotBeReplayed() {
        CallbackDelivery first = callbacks.deliver(UploadCallbacks.UPLOAD, "uploads/once.txt",
                Map.of("source", "kit"));
        assertThat(first.status()).isEqualTo(200);

        CallbackDelivery replay = callbacks.sendSigned(URI.create(first.url()), first.contentType(),
                first.body().getBytes(StandardCharsets.UTF_8));

        assertThat(replay.status()).isEqualTo(403);
        assertThat(logs.refusalCodes()).containsExactly("403 TOKEN_REPLAYED");
        assertThat(logs.receipts()).hasSize(1);
    }
}
