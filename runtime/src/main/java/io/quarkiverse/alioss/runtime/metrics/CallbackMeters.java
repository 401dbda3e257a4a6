package io.quarkiverse.alioss.runtime.metrics;

/** What one {@code @OssCallback} endpoint reports: each callback's outcome, how long it took and its reply size. */
public interface CallbackMeters {

    CallbackMeters NONE = new CallbackMeters() {
        @Override
        public void accepted(long nanos, long replyBytes) {
        }

        @Override
        public void refused(String reason, boolean failed, long nanos) {
        }
    };

    /** The method's reply went out with 200. */
    void accepted(long nanos, long replyBytes);

    /**
     * The callback was not accepted.
     *
     * @param reason the refusal's precise code, e.g. {@code BAD_SIGNATURE}, {@code TOKEN_REPLAYED}
     * @param failed a bug or an outage (5xx other than 503) rather than a refused request
     */
    void refused(String reason, boolean failed, long nanos);
}
