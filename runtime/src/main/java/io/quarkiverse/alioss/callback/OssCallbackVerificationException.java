package io.quarkiverse.alioss.callback;

import java.util.Objects;

/**
 * A callback request that did not prove to come from OSS (or from a key the application trusts).
 * {@link #reason()} says why, for logs, metrics and the HTTP status a receiver picks.
 */
public class OssCallbackVerificationException extends RuntimeException {

    /** Why verification failed. */
    public enum Reason {
        /** The {@code authorization} header is missing or blank. */
        MISSING_AUTHORIZATION,
        /** The {@code authorization} header is not standard Base64. */
        MALFORMED_AUTHORIZATION,
        /** The {@code x-oss-pub-key-url} header is missing or blank. */
        MISSING_KEY_URL,
        /** The {@code x-oss-pub-key-url} header is not Base64 of a URL. */
        MALFORMED_KEY_URL,
        /** The key URL is not exactly one of the trusted URLs; nothing was fetched. */
        UNTRUSTED_KEY_URL,
        /**
         * The key URL is trusted but its key could not be fetched or parsed, or a fetch failed recently and the URL is
         * not fetched again yet.
         */
        KEY_UNAVAILABLE,
        /**
         * The request target is empty, does not start with {@code /}, has an invalid percent sequence, or would sign
         * the same bytes as a different request ({@code ?}, {@code #} or a control character in the decoded path, a
         * control character in the query).
         */
        MALFORMED_REQUEST_TARGET,
        /** The signature does not match the request target and body under the trusted key. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public OssCallbackVerificationException(Reason reason, String message) {
        this(reason, message, null);
    }

    public OssCallbackVerificationException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
