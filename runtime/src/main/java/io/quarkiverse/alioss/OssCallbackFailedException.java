package io.quarkiverse.alioss;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * OSS stored the object but the upload callback failed (HTTP 203 {@code CallbackFailed}).
 * <p>
 * The upload itself succeeded: {@link #etag()} and {@link #crc64()} describe the stored object. Whether to delete
 * it, retry the application-side work, or keep it is the caller's decision.
 */
public class OssCallbackFailedException extends OssException {

    private static final long serialVersionUID = 1L;

    private final String etag;
    private final Long crc64;

    public OssCallbackFailedException(String ossMessage, String requestId, String hostId, String ec, String method,
            String key, String etag, Long crc64) {
        super(203, "CallbackFailed",
                "the object is stored but its upload callback failed: " + (ossMessage == null ? "" : ossMessage),
                requestId, hostId, ec, method, key, null);
        this.etag = etag;
        this.crc64 = crc64;
    }

    /** ETag of the stored object, without quotes. */
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    /** CRC-64 OSS reported for the stored object. */
    public OptionalLong crc64() {
        return crc64 == null ? OptionalLong.empty() : OptionalLong.of(crc64);
    }

    /** Always true: a 203 means OSS kept the object. */
    public boolean objectStored() {
        return true;
    }
}
