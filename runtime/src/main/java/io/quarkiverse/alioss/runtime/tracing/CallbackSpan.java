package io.quarkiverse.alioss.runtime.tracing;

/** How one callback ended, added to its server span; may be called from any thread. */
public interface CallbackSpan {

    CallbackSpan NONE = new CallbackSpan() {
        @Override
        public void accepted() {
        }

        @Override
        public void refused(String reason, boolean failed) {
        }
    };

    void accepted();

    /**
     * @param reason the refusal's precise code, e.g. {@code BAD_SIGNATURE}
     * @param failed a bug or an outage rather than a refused request
     */
    void refused(String reason, boolean failed);
}
