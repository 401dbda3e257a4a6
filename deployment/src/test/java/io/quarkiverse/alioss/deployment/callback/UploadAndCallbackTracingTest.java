package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With OpenTelemetry, an upload through the emulator gives a client span {@code OSS PutObject}, a child of the
 * caller's span, and the callback's server span carries the same OSS request id: that id finds both.
 */
class UploadAndCallbackTracingTest {

    static final String SECRET = "upload-and-callback-tracing-test-secret-0123456789";
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("oss.request_id");

    @RegisterExtension
    static final QuarkusUnitTest app = TestEmulator.configure(new QuarkusUnitTest()
            .withApplicationRoot(
                    jar -> jar.addClasses(Callbacks.class, RestCallbacks.class, Exporter.class, TestEmulator.class))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-opentelemetry",
                    Version.getVersion())))
            // no collector in tests: spans go to the in-memory exporter only
            .overrideConfigKey("quarkus.otel.bsp.schedule.delay", "50ms"), SECRET);

    @ApplicationScoped
    static class Callbacks {
        @OssCallback(path = "/oss/traced", name = "traced")
        String traced(@CallbackVar("user") String user) {
            return user;
        }
    }

    @Path("/traced-rest")
    public static class RestCallbacks {
        @POST
        @OssCallback(name = "tracedRest")
        public RestResponse<Map<String, String>> traced(@CallbackVar("user") String user) {
            return user.equals("refused") ? RestResponse.status(RestResponse.Status.CONFLICT)
                    : RestResponse.ok(Map.of("user", user));
        }
    }

    @ApplicationScoped
    static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    OssClient client;

    @Inject
    @CallbackTemplateName("traced")
    OssCallbackTemplate traced;

    @Inject
    @CallbackTemplateName("tracedRest")
    OssCallbackTemplate tracedRest;

    @Inject
    Tracer tracer;

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void uploadAndItsCallbackShareTheOssRequestId() throws Exception {
        Span caller = tracer.spanBuilder("caller").startSpan();
        UploadResult result;
        try (Scope ignored = caller.makeCurrent()) {
            result = client.putObject("traced/one.txt", "one".getBytes(StandardCharsets.UTF_8),
                    UploadOptions.defaults().callback(traced.fill(Map.of("user", "alice"))));
        } finally {
            caller.end();
        }
        String requestId = result.requestId();
        assertThat(requestId).isNotBlank();

        SpanData put = awaitSpan(span -> span.getName().equals("OSS PutObject"));
        assertThat(put.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(put.getParentSpanId()).isEqualTo(caller.getSpanContext().getSpanId());
        assertThat(put.getAttributes().get(AttributeKey.stringKey("oss.operation"))).isEqualTo("PutObject");
        assertThat(put.getAttributes().get(AttributeKey.stringKey("oss.bucket"))).isEqualTo(TestEmulator.BUCKET);
        assertThat(put.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(put.getAttributes().get(REQUEST_ID)).isEqualTo(requestId);

        SpanData callback = awaitSpan(span -> requestId.equals(span.getAttributes().get(REQUEST_ID))
                && span.getKind() == SpanKind.SERVER);
        assertThat(callback.getAttributes().get(AttributeKey.stringKey("oss.callback.name"))).isEqualTo("traced");
        assertThat(callback.getAttributes().get(AttributeKey.stringKey("oss.callback.outcome")))
                .isEqualTo("accepted");
        assertThat(exporter.getFinishedSpanItems()).as("one server span per callback, no second one of ours")
                .filteredOn(span -> span.getKind() == SpanKind.SERVER && requestId.equals(span.getAttributes().get(REQUEST_ID)))
                .hasSize(1);
        assertThat(exporter.getFinishedSpanItems()).as("no secret or signature in any attribute of ours")
                .allSatisfy(span -> assertThat(span.getAttributes().asMap().toString())
                        .doesNotContain(TestEmulator.accessKeySecret(), SECRET));
    }

    /** A REST resource method's callback is found by the OSS request id too, with its outcome. */
    @Test
    void resourceMethodCallbackSpansCarryTheRequestIdAndOutcome() throws Exception {
        UploadResult accepted = client.putObject("traced/rest.txt", "rest".getBytes(StandardCharsets.UTF_8),
                UploadOptions.defaults().callback(tracedRest.fill(Map.of("user", "alice"))));
        SpanData acceptedSpan = awaitServerSpan(accepted.requestId());
        assertThat(acceptedSpan.getAttributes().get(AttributeKey.stringKey("oss.callback.name")))
                .isEqualTo("tracedRest");
        assertThat(acceptedSpan.getAttributes().get(AttributeKey.stringKey("oss.callback.outcome")))
                .isEqualTo("accepted");

        OssCallbackFailedException refused = catchThrowableOfType(OssCallbackFailedException.class,
                () -> client.putObject("traced/refused.txt", "no".getBytes(StandardCharsets.UTF_8),
                        UploadOptions.defaults().callback(tracedRest.fill(Map.of("user", "refused")))));
        SpanData refusedSpan = awaitServerSpan(refused.requestId().orElseThrow());
        assertThat(refusedSpan.getAttributes().get(AttributeKey.stringKey("oss.callback.outcome")))
                .isEqualTo("refused");
        assertThat(refusedSpan.getAttributes().get(AttributeKey.stringKey("oss.callback.refusal_reason")))
                .isEqualTo("METHOD_REFUSED");
    }

    private SpanData awaitServerSpan(String ossRequestId) throws InterruptedException {
        return awaitSpan(span -> span.getKind() == SpanKind.SERVER
                && ossRequestId.equals(span.getAttributes().get(REQUEST_ID)));
    }

    @Test
    void aFailedRequestCarriesOssErrorCodeAndRequestId() throws Exception {
        OssException missing = catchThrowableOfType(OssException.class, () -> client.headObject("traced/none.txt"));
        assertThat(missing.requestId()).isPresent();

        SpanData head = awaitSpan(span -> span.getName().equals("OSS HeadObject")
                && missing.requestId().get().equals(span.getAttributes().get(REQUEST_ID)));
        assertThat(head.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(head.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(404L);
        assertThat(head.getAttributes().get(AttributeKey.stringKey("oss.error_code"))).isEqualTo(missing.code());
    }

    private SpanData awaitSpan(Predicate<SpanData> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<SpanData> found = exporter.getFinishedSpanItems().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No such span among " + exporter.getFinishedSpanItems());
    }
}
