package io.quarkiverse.alioss.runtime.tracing.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/** The attribute keys of the extension's spans; none of them ever holds a credential or a signature. */
final class OssSpanAttributes {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("oss.operation");
    static final AttributeKey<String> BUCKET = AttributeKey.stringKey("oss.bucket");
    static final AttributeKey<String> CLIENT = AttributeKey.stringKey("oss.client");
    /** OSS's {@code x-oss-request-id}: the same on an upload's client span and on its callback's server span. */
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("oss.request_id");
    static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("oss.error_code");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<String> CALLBACK = AttributeKey.stringKey("oss.callback.name");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("oss.callback.outcome");
    static final AttributeKey<String> REFUSAL_REASON = AttributeKey.stringKey("oss.callback.refusal_reason");

    private OssSpanAttributes() {
    }
}
