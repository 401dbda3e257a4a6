package io.quarkiverse.alioss;

import java.util.Optional;

/**
 * The one error type of the OSS client: OSS answered with an error, the connection failed, or the client found an
 * integrity problem (CRC-64 mismatch).
 * <p>
 * Carries what OSS said ({@link #code()}, {@link #ossMessage()}, {@link #requestId()}, {@link #hostId()},
 * {@link #ec()}) and which request failed ({@link #method()}, {@link #key()}). It never carries credentials or
 * signatures. {@link #status()} is {@code 0} when no HTTP response was received.
 */
public class OssException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String ossMessage;
    private final String requestId;
    private final String hostId;
    private final String ec;
    private final String method;
    private final String key;

    public OssException(int status, String code, String ossMessage, String requestId, String hostId, String ec,
            String method, String key, Throwable cause) {
        super(describe(status, code, ossMessage, requestId, ec, method, key), cause);
        this.status = status;
        this.code = code;
        this.ossMessage = ossMessage;
        this.requestId = requestId;
        this.hostId = hostId;
        this.ec = ec;
        this.method = method;
        this.key = key;
    }

    /** A failure without an OSS response (connection error, timeout, client-side check). */
    public static OssException clientSide(String code, String message, String method, String key, Throwable cause) {
        return new OssException(0, code, message, null, null, null, method, key, cause);
    }

    /** HTTP status of OSS's answer, {@code 0} when there was none. */
    public int status() {
        return status;
    }

    /** OSS error code such as {@code NoSuchKey}; client-side failures use codes like {@code ConnectionError}. */
    public String code() {
        return code;
    }

    /** The {@code Message} OSS sent (or the client-side description). */
    public String ossMessage() {
        return ossMessage;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<String> hostId() {
        return Optional.ofNullable(hostId);
    }

    /** OSS's error centre code, e.g. {@code 0026-00000001}. */
    public Optional<String> ec() {
        return Optional.ofNullable(ec);
    }

    /** HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** Object key of the failed request; empty for bucket-level requests. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    private static String describe(int status, String code, String ossMessage, String requestId, String ec,
            String method, String key) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(key == null || key.isEmpty() ? "<bucket>" : key).append(" failed: ");
        if (status > 0) {
            sb.append("HTTP ").append(status).append(' ');
        }
        sb.append(code);
        if (ossMessage != null && !ossMessage.isEmpty()) {
            sb.append(" - ").append(ossMessage);
        }
        if (requestId != null) {
            sb.append(" (request id ").append(requestId);
            if (ec != null) {
                sb.append(", EC ").append(ec);
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
