package io.quarkiverse.alioss.emulator.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** An OSS error answer: HTTP status, code, message, optional EC and extra XML elements. */
public final class OssError extends RuntimeException {

    private final int status;
    private final String code;
    private final String ec;
    private final Map<String, String> details = new LinkedHashMap<>();

    public OssError(int status, String code, String message, String ec) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.ec = ec;
    }

    public OssError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public OssError with(String element, String value) {
        if (value != null) {
            details.put(element, value);
        }
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String ec() {
        return ec;
    }

    public Map<String, String> details() {
        return details;
    }

    static OssError noSuchBucket(String bucket) {
        return new OssError(404, "NoSuchBucket", "The specified bucket does not exist.", "0015-00000101")
                .with("BucketName", bucket);
    }

    static OssError noSuchKey(String key) {
        return new OssError(404, "NoSuchKey", "The specified key does not exist.", "0026-00000001").with("Key", key);
    }

    static OssError noSuchUpload(String uploadId) {
        return new OssError(404, "NoSuchUpload",
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been "
                        + "aborted or completed.")
                .with("UploadId", uploadId);
    }

    static OssError invalidArgument(String message, String name, String value) {
        return new OssError(400, "InvalidArgument", message).with("ArgumentName", name).with("ArgumentValue", value);
    }

    static OssError malformedXml() {
        return new OssError(400, "MalformedXML",
                "The XML you provided was not well-formed or did not validate against our published schema.");
    }

    static OssError invalidDigest(String provided) {
        return new OssError(400, "InvalidDigest", "The Content-MD5 you specified was invalid.")
                .with("Content-MD5", provided);
    }
}
