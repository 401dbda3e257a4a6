package io.quarkiverse.alioss.emulator.policy;

/** A PostObject request that its policy does not allow: the OSS error code, HTTP status and message. */
public final class PostPolicyViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String ossCode;
    private final int httpStatus;

    public PostPolicyViolation(String ossCode, int httpStatus, String message) {
        super(message);
        this.ossCode = ossCode;
        this.httpStatus = httpStatus;
    }

    static PostPolicyViolation invalidDocument(String message) {
        return new PostPolicyViolation("InvalidPolicyDocument", 400, message);
    }

    static PostPolicyViolation accessDenied(String message) {
        return new PostPolicyViolation("AccessDenied", 403, message);
    }

    /** e.g. AccessDenied, InvalidPolicyDocument, EntityTooLarge, EntityTooSmall. */
    public String ossCode() {
        return ossCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
