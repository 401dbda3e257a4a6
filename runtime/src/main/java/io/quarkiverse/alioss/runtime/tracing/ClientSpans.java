package io.quarkiverse.alioss.runtime.tracing;

/** Starts one span per request attempt of one client. */
public interface ClientSpans {

    ClientSpans NONE = (operation, bucket) -> AttemptSpan.NONE;

    /**
     * Starts the span of one attempt, as a child of the caller's current span.
     *
     * @param operation the OSS API name, e.g. {@code PutObject}
     * @param bucket the bucket the client works on
     */
    AttemptSpan start(String operation, String bucket);
}
