package io.quarkiverse.alioss.runtime.tracing;

/**
 * Annotates the server span of each request of one callback endpoint. The HTTP server instrumentation of the
 * application already opens that span, so the extension adds to it rather than open a second one.
 */
public interface CallbackSpans {

    CallbackSpans NONE = ossRequestId -> CallbackSpan.NONE;

    /**
     * Called on the thread the request arrived on, where that span is current.
     *
     * @param ossRequestId the request id of the upload the callback belongs to, or null
     */
    CallbackSpan received(String ossRequestId);
}
