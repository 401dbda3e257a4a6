package io.quarkiverse.alioss.emulator.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request that fails authentication, with the OSS error code and the extra elements OSS adds to the error XML. */
public final class AuthFailure extends RuntimeException {

    public static final String SIGNATURE_MISMATCH_MESSAGE = "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

    private final String code;
    private String ec;
    private final Map<String, String> details = new LinkedHashMap<>();

    public AuthFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static AuthFailure signatureMismatch(String stringToSign) {
        return new AuthFailure("SignatureDoesNotMatch", SIGNATURE_MISMATCH_MESSAGE).with("StringToSign", stringToSign);
    }

    public static AuthFailure unknownAccessKey(String accessKeyId) {
        return new AuthFailure("InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.")
                .with("OSSAccessKeyId", accessKeyId);
    }

    /** A V4 credential scope naming another region: OSS refuses it before looking at the signature. */
    public static AuthFailure wrongRegion() {
        return new AuthFailure("InvalidArgument", "Invalid signing region in Authorization header.")
                .withEc("0002-00000226");
    }

    /** STS credentials used without their security token, or with another one (EC 0002-00000006). */
    public static AuthFailure invalidSecurityToken() {
        return new AuthFailure("InvalidSecurityToken", "The security token you provided is invalid.")
                .withEc("0002-00000006");
    }

    /** STS credentials used after their expiration (EC 0002-00000007). */
    public static AuthFailure securityTokenExpired() {
        return new AuthFailure("SecurityTokenExpired", "The security token you provided has expired.")
                .withEc("0002-00000007");
    }

    public static AuthFailure skewed() {
        return new AuthFailure("RequestTimeTooSkewed",
                "The difference between the request time and the current time is too large.");
    }

    public static AuthFailure expired() {
        return new AuthFailure("AccessDenied", "Request has expired.");
    }

    public AuthFailure with(String element, String value) {
        details.put(element, value);
        return this;
    }

    AuthFailure withEc(String ec) {
        this.ec = ec;
        return this;
    }

    /** OSS's EC for this failure, or null when not known. */
    public String ec() {
        return ec != null ? ec : "SignatureDoesNotMatch".equals(code) ? "0002-00000040" : null;
    }

    public String code() {
        return code;
    }

    /** Extra error-XML elements, in order. */
    public Map<String, String> details() {
        return details;
    }
}
