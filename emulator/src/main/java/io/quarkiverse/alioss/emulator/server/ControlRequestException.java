package io.quarkiverse.alioss.emulator.server;

/** A control request the emulator refuses, with the status and the message it answers. */
final class ControlRequestException extends RuntimeException {

    private final int status;
    private final String code;

    ControlRequestException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ControlRequestException badRequest(String message) {
        return new ControlRequestException(400, "InvalidControlRequest", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
