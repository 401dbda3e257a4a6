package io.quarkiverse.alioss.runtime.tracing.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkiverse.alioss.runtime.tracing.CallbackSpan;
import io.quarkiverse.alioss.runtime.tracing.CallbackSpans;

/**
 * Adds the callback's name, OSS request id and outcome to the server span the HTTP server instrumentation opened for
 * the request (a second server span would only split one request in two). The span is taken when the request
 * arrives, since the outcome may be known on another thread.
 */
final class OpenTelemetryCallbackSpans implements CallbackSpans {

    private final String callbackName;

    OpenTelemetryCallbackSpans(String callbackName) {
        this.callbackName = callbackName;
    }

    @Override
    public CallbackSpan received(String ossRequestId) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return CallbackSpan.NONE;
        }
        span.setAttribute(OssSpanAttributes.CALLBACK, callbackName);
        if (ossRequestId != null && !ossRequestId.isEmpty()) {
            span.setAttribute(OssSpanAttributes.REQUEST_ID, ossRequestId);
        }
        return new CallbackSpan() {
            @Override
            public void accepted() {
                span.setAttribute(OssSpanAttributes.OUTCOME, "accepted");
            }

            @Override
            public void refused(String reason, boolean failed) {
                span.setAttribute(OssSpanAttributes.OUTCOME, failed ? "failed" : "refused");
                span.setAttribute(OssSpanAttributes.REFUSAL_REASON, reason);
                if (failed) {
                    span.setStatus(StatusCode.ERROR, reason);
                }
            }
        };
    }
}
