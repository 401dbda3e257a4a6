package io.quarkiverse.alioss.emulator.cloud;

/** A refused STS or metadata request: HTTP status, the API's error code and message. */
final class CloudError extends RuntimeException {

    final int status;
    final String code;

    CloudError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static CloudError missing(String parameter) {
        return new CloudError(400, "MissingParameter", "The input parameter \"" + parameter
                + "\" that is mandatory for processing this request is not supplied.");
    }

    static CloudError invalid(String parameter, String why) {
        return new CloudError(400, "InvalidParameter", "The parameter \"" + parameter + "\" is invalid: " + why);
    }
}
