package io.quarkiverse.alioss.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.credentials.OssCredentials;
import io.quarkiverse.alioss.emulator.OssEmulator;
import io.quarkiverse.alioss.emulator.OssEmulatorOptions;
import io.quarkiverse.alioss.emulator.fault.FaultRule;
import io.quarkiverse.alioss.emulator.server.OssServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * The kit's control requests against a real emulator: signed so that it accepts them, faults and raw callbacks change
 * what they say, and a refusal surfaces as an exception with the emulator's message.
 */
class EmulatorControlClientTest {

    static OssEmulator emulator;
    static Vertx vertx;
    static HttpServer application;
    static EmulatorConnection connection;

    @BeforeAll
    static void start() throws Exception {
        emulator = OssEmulator.start(OssEmulatorOptions.builder().bucket("kit-bucket").build());
        vertx = Vertx.vertx();
        application = vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> request.response().setStatusCode(403)
                        .putHeader("Content-Type", "application/json").end("{\"refused\":\"" + body + "\"}")))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        connection = new EmulatorConnection(URI.create(emulator.baseUrl()), emulator.region(),
                OssCredentials.of(emulator.accessKeyId(), emulator.accessKeySecret()), "kit-bucket",
                "http://127.0.0.1:" + application.actualPort());
    }

    @AfterAll
    static void stop() {
        vertx.close();
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.faults().clear();
        emulator.callbackDeliveries().clear();
    }

    @Test
    void controlPathsAreTheEmulatorsOwn() {
        assertThat(ControlPaths.CALLBACK_KEY).isEqualTo(OssServer.CALLBACK_KEY_PATH);
        assertThat("/" + ControlPaths.BUCKET + "/").isEqualTo(OssServer.CONTROL_PREFIX);
    }

    @Test
    void faultsAreSwitchedOnAndOff() {
        EmulatorFaults faults = new EmulatorFaults(new EmulatorControlClient(connection));

        faults.failAlways("PutObject").set("GetObject:latency=20ms");
        assertThat(emulator.faults().ruleFor("PutObject").errorRate()).isEqualTo(1.0);
        assertThat(emulator.faults().ruleFor("GetObject").latency().toMillis()).isEqualTo(20);

        faults.clear();
        assertThat(emulator.faults().ruleFor("PutObject")).isEqualTo(FaultRule.NONE);
    }

    @Test
    void aMalformedFaultIsRefusedWithTheEmulatorsMessage() {
        EmulatorFaults faults = new EmulatorFaults(new EmulatorControlClient(connection));

        assertThatThrownBy(() -> faults.set("PutObject"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The OSS emulator refused POST /__emulator/faults with 400: Fault 'PutObject': A fault is"
                        + " <Operation|*>:<settings>, e.g. PutObject:error-rate=0.2,latency=50ms; got: PutObject");
        assertThat(emulator.faults().ruleFor("PutObject")).isEqualTo(FaultRule.NONE);
    }

    @Test
    void aRawBodyIsSignedSentAndListed() {
        EmulatorCallbacks callbacks = new EmulatorCallbacks(connection, new EmulatorControlClient(connection),
                () -> {
                    throw new AssertionError("a raw callback needs no template");
                });

        CallbackDelivery delivery = callbacks.sendSigned("/oss/any?x=1", "application/x-www-form-urlencoded",
                "a=b c");

        assertThat(delivery.url()).isEqualTo(connection.callbackBaseUrl() + "/oss/any?x=1");
        assertThat(delivery.status()).isEqualTo(403);
        assertThat(delivery.reply()).isEqualTo("{\"refused\":\"a=b c\"}");
        assertThat(delivery.succeeded()).as("a raw request succeeds when it is answered").isTrue();
        assertThat(callbacks.delivered()).containsExactly(delivery);
        assertThat(new String(emulator.callbackDeliveries().recentFirst().get(0).body().getBytes(),
                StandardCharsets.UTF_8)).isEqualTo("a=b c");

        callbacks.clear();
        assertThat(callbacks.delivered()).isEmpty();
    }

    @Test
    void aPathThatIsNotAPathIsRefusedBeforeAnythingIsSent() {
        EmulatorCallbacks callbacks = new EmulatorCallbacks(connection, new EmulatorControlClient(connection),
                () -> null);

        assertThatThrownBy(() -> callbacks.sendSigned("oss/any", "text/plain", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The path must start with '/', e.g. /oss/avatar; got oss/any");
        assertThat(emulator.callbackDeliveries().recentFirst()).isEmpty();
    }

    @Test
    void requestsSignedWithAnotherSecretAreRefused() {
        EmulatorConnection wrong = new EmulatorConnection(connection.endpoint(), connection.region(),
                OssCredentials.of(emulator.accessKeyId(), "not-the-secret"), "kit-bucket",
                connection.callbackBaseUrl());

        assertThatThrownBy(() -> new EmulatorFaults(new EmulatorControlClient(wrong)).failAlways("PutObject"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The OSS emulator refused POST /__emulator/faults with 403: ");
        assertThat(emulator.faults().ruleFor("PutObject")).isEqualTo(FaultRule.NONE);
    }

    @Test
    void anApplicationNotOnTheDevServicesEmulatorIsNamed() {
        var config = new io.smallrye.config.SmallRyeConfigBuilder().withDefaultValues(Map.of(
                EmulatorConnection.ENDPOINT, "https://oss-cn-hangzhou.aliyuncs.com",
                "quarkus.oss.callback.trusted-key-urls", "https://gosspublic.alicdn.com/callback_pub_key_v1.pem"))
                .build();

        assertThatThrownBy(() -> EmulatorConnection.of(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.oss.endpoint=https://oss-cn-hangzhou.aliyuncs.com is not one")
                .hasMessageContaining("quarkus.oss.callback.trusted-keys.\"https://oss-cn-hangzhou.aliyuncs.com"
                        + "/__emulator/callback_pub_key.pem\" is not set")
                .hasMessageContaining("Leave quarkus.oss.endpoint unset in tests");
    }
}
