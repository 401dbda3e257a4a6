package io.quarkiverse.alioss.it;

import java.util.List;

/**
 * What a callback test reads from the log: the route's refusals (their precise code is only logged) and the demo
 * method's receipt lines (which show whether it ran). Capture in {@code @BeforeEach}, close in {@code @AfterEach}.
 */
final class CallbackLogs implements AutoCloseable {

    private final LogCapture refusals = LogCapture.refusals();
    private final LogCapture receipts = LogCapture.of(UploadCallbacks.class.getName());

    private CallbackLogs() {
    }

    static CallbackLogs capture() {
        return new CallbackLogs();
    }

    /** The status and code of each refusal, e.g. {@code 403 BAD_SIGNATURE}. */
    List<String> refusalCodes() {
        return refusals.refusalCodes();
    }

    /** What the demo's callback method logged: one line per call. */
    List<String> receipts() {
        return receipts.messages();
    }

    @Override
    public void close() {
        refusals.close();
        receipts.close();
    }
}
