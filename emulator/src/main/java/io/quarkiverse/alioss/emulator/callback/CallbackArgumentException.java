package io.quarkiverse.alioss.emulator.callback;

/**
 * An OSS "InvalidArgument" problem with a callback parameter: HTTP 400, the OSS message, ArgumentName/Value.
 */
public final class CallbackArgumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The argument name OSS reports for problems with the {@code callback} parameter. */
    public static final String CALLBACK = "callback";
    /** The argument name OSS reports for problems with the {@code callback-var} parameter. */
    public static final String CALLBACK_VAR = "callback-var";

    private final String ossMessage;
    private final String argumentName;
    private final String argumentValue;
    private final String ec;

    public CallbackArgumentException(String ossMessage, String argumentName, String argumentValue, String ec) {
        super(ossMessage + " (" + argumentName + ")");
        this.ossMessage = ossMessage;
        this.argumentName = argumentName;
        this.argumentValue = argumentValue;
        this.ec = ec;
    }

    /** The exact OSS {@code Message}, e.g. "The callback configuration is not json format.". */
    public String ossMessage() {
        return ossMessage;
    }

    /** {@code callback} or {@code callback-var}. */
    public String argumentName() {
        return argumentName;
    }

    /** The decoded JSON where OSS shows it decoded, else the raw value. */
    public String argumentValue() {
        return argumentValue;
    }

    /** The OSS EC code when known, else {@code null}. */
    public String ec() {
        return ec;
    }

    /** Always 400: every callback parameter problem is an InvalidArgument. */
    public int httpStatus() {
        return 400;
    }

    /** Always {@code InvalidArgument}. */
    public String ossCode() {
        return "InvalidArgument";
    }
}
