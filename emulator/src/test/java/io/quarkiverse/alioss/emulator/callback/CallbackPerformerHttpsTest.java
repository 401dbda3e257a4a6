package io.quarkiverse.alioss.emulator.callback;

import static io.quarkiverse.alioss.emulator.callback.CallbackPerformerTest.FACTS;
import static io.quarkiverse.alioss.emulator.callback.CallbackPerformerTest.KEY_URL;
import static io.quarkiverse.alioss.emulator.callback.CallbackPerformerTest.await;
import static io.quarkiverse.alioss.emulator.callback.CallbackSpecTest.b64;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;

/** HTTPS callback URLs, with a self-signed test certificate (src/test/resources/callback-test-server.p12). */
class CallbackPerformerHttpsTest {

    static final PfxOptions SERVER_KEYSTORE = new PfxOptions().setPath("callback-test-server.p12")
            .setPassword("changeit");

    static Vertx vertx;
    static int port;
    static CallbackSigningKey key = CallbackSigningKey.generate();
    /** The SNI host name each request arrived with ("" when none). */
    static final List<String> indicatedNames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        var server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                .setKeyCertOptions(SERVER_KEYSTORE))
                .requestHandler(request -> {
                    String sni = request.connection().indicatedServerName();
                    indicatedNames.add(sni == null ? "" : sni);
                    request.response().putHeader("Content-Type", "application/json").end("{\"tls\":true}");
                });
        port = await(server.listen(0, "127.0.0.1")).actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        await(vertx.close());
    }

    @BeforeEach
    void clear() {
        indicatedNames.clear();
    }

    /**
     * The first TLS handshakes of a JVM can take longer than OSS's 5 s on a loaded 2-core CI machine; these tests are
     * about trust and SNI, not timing (the timeout has its own tests), so they allow more.
     */
    static final CallbackPerformerOptions TLS_TEST_OPTIONS = CallbackPerformerOptions.defaults()
            .withTimeout(Duration.ofSeconds(30));

    static CallbackSpec spec(String host, boolean sni) {
        return CallbackSpec.parse(b64("{\"callbackUrl\":\"https://" + host + ":" + port + "/cb\",\"callbackBody\":\"a=1\""
                + (sni ? ",\"callbackSNI\":true" : "") + "}"), null);
    }

    /** Performs one callback with a performer of its own, closed afterwards. */
    static CallbackOutcome performOnce(CallbackPerformerOptions options, CallbackSpec spec) throws Exception {
        CallbackPerformer performer = new CallbackPerformer(vertx, key, KEY_URL, options);
        try {
            return await(performer.perform(spec, FACTS));
        } finally {
            await(performer.close());
        }
    }

    @Test
    void trustsSelfSignedCertificatesByDefault() throws Exception {
        CallbackOutcome outcome = performOnce(TLS_TEST_OPTIONS, spec("127.0.0.1", false));
        assertThat(outcome).isInstanceOf(CallbackOutcome.Delivered.class);
        assertThat(((CallbackOutcome.Delivered) outcome).body().toString()).isEqualTo("{\"tls\":true}");
    }

    @Test
    void configuredTrustRefusesAnUnknownCertificate() throws Exception {
        // trust only an unrelated self-signed certificate: the callback server's certificate is not in it
        CallbackOutcome outcome = performOnce(TLS_TEST_OPTIONS
                .withTrust(new PfxOptions().setPath("callback-test-other.p12").setPassword("changeit")),
                spec("127.0.0.1", false));
        assertThat(outcome).isEqualTo(new CallbackOutcome.Failed(CallbackPerformer.CONNECT_FAILED));
        assertThat(indicatedNames).isEmpty();
    }

    @Test
    void configuredTrustAcceptsTheCallbackServersCertificate() throws Exception {
        assertThat(performOnce(TLS_TEST_OPTIONS.withTrust(SERVER_KEYSTORE), spec("localhost", false)))
                .isInstanceOf(CallbackOutcome.Delivered.class);
    }

    @Test
    void sendsSniWhenCallbackSniIsTrue() throws Exception {
        assertThat(performOnce(TLS_TEST_OPTIONS, spec("localhost", true)))
                .isInstanceOf(CallbackOutcome.Delivered.class);
        assertThat(indicatedNames).containsExactly("localhost");
    }

    @Test
    void sendsNoSniForLocalhostWhenCallbackSniIsFalse() throws Exception {
        assertThat(performOnce(TLS_TEST_OPTIONS, spec("localhost", false)))
                .isInstanceOf(CallbackOutcome.Delivered.class);
        assertThat(indicatedNames).containsExactly("");
    }
}
