package io.quarkiverse.alioss.runtime.metrics;

/** What one client reports: every HTTP request it sends (each attempt), the bytes it moves, retries and parts. */
public interface ClientMeters {

    /** No status: the request failed before a response arrived (connection, timeout). */
    int NO_STATUS = 0;

    ClientMeters NONE = new ClientMeters() {
        @Override
        public void request(String operation, int status, long nanos) {
        }

        @Override
        public void sent(long bytes) {
        }

        @Override
        public void received(long bytes) {
        }

        @Override
        public void retry(String operation) {
        }

        @Override
        public void partUploaded() {
        }
    };

    /**
     * One attempt of an operation ended.
     *
     * @param operation the OSS API name, e.g. {@code PutObject}: a constant, never built per request
     * @param status the HTTP status, or {@link #NO_STATUS}
     */
    void request(String operation, int status, long nanos);

    /** Request body bytes that left, retried attempts included. */
    void sent(long bytes);

    /** Response body bytes that arrived. */
    void received(long bytes);

    /** A failed attempt of {@code operation} is sent again. */
    void retry(String operation);

    /** A multipart part was uploaded. */
    void partUploaded();
}
