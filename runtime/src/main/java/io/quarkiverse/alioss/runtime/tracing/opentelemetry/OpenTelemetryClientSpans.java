package io.quarkiverse.alioss.runtime.tracing.opentelemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkiverse.alioss.runtime.tracing.AttemptSpan;
import io.quarkiverse.alioss.runtime.tracing.ClientSpans;

/** One CLIENT span per attempt, named {@code OSS <operation>}, child of whatever span is current when it starts. */
final class OpenTelemetryClientSpans implements ClientSpans {

    private final Tracer tracer;
    private final String clientName;

    OpenTelemetryClientSpans(Tracer tracer, String clientName) {
        this.tracer = tracer;
        this.clientName = clientName;
    }

    @Override
    public AttemptSpan start(String operation, String bucket) {
        Span span = tracer.spanBuilder("OSS " + operation).setSpanKind(SpanKind.CLIENT).setParent(Context.current())
                .setAttribute(OssSpanAttributes.OPERATION, operation)
                .setAttribute(OssSpanAttributes.BUCKET, bucket)
                .setAttribute(OssSpanAttributes.CLIENT, clientName)
                .startSpan();
        return new AttemptSpan() {
            @Override
            public void succeeded(int status, String requestId) {
                response(span, status, requestId);
                span.end();
            }

            @Override
            public void failed(int status, String requestId, String errorCode) {
                response(span, status, requestId);
                span.setAttribute(OssSpanAttributes.ERROR_CODE, errorCode);
                span.setAttribute(OssSpanAttributes.ERROR_TYPE, errorCode);
                span.setStatus(StatusCode.ERROR, errorCode);
                span.end();
            }
        };
    }

    private static void response(Span span, int status, String requestId) {
        if (status > 0) {
            span.setAttribute(OssSpanAttributes.STATUS, status);
        }
        if (requestId != null && !requestId.isEmpty()) {
            span.setAttribute(OssSpanAttributes.REQUEST_ID, requestId);
        }
    }
}
