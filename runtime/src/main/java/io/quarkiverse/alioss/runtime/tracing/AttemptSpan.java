package io.quarkiverse.alioss.runtime.tracing;

/** The span of one request attempt; exactly one of its methods ends it. */
public interface AttemptSpan {

    AttemptSpan NONE = new AttemptSpan() {
        @Override
        public void succeeded(int status, String requestId) {
        }

        @Override
        public void failed(int status, String requestId, String errorCode) {
        }
    };

    /**
     * @param requestId OSS's {@code x-oss-request-id}, or null
     */
    void succeeded(int status, String requestId);

    /**
     * @param status the HTTP status, or 0 when no response arrived
     * @param requestId OSS's {@code x-oss-request-id}, or null when no response arrived
     * @param errorCode OSS's error code (e.g. {@code NoSuchKey}) or the client's (e.g. {@code ConnectionError})
     */
    void failed(int status, String requestId, String errorCode);
}
