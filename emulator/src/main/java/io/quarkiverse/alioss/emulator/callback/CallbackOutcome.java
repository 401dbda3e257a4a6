package io.quarkiverse.alioss.emulator.callback;

import io.vertx.core.buffer.Buffer;

/** Success: status 200 from the app with a valid JSON (or XML with application/xml) body of <= 1 MB. */
public sealed interface CallbackOutcome {

    /** The app's reply, to be returned to the uploader verbatim. */
    record Delivered(Buffer body, String contentType) implements CallbackOutcome {
    }

    /** The message of the 203 CallbackFailed error, e.g. "Error status : 301.". */
    record Failed(String message) implements CallbackOutcome {
    }
}
