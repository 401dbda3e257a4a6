package io.quarkiverse.alioss.runtime.callback.token;

/** The store of used tokens cannot claim a token now (full, unreachable): the callback is refused with 503. */
public final class CallbackTokenStoreUnavailableException extends RuntimeException {

    public CallbackTokenStoreUnavailableException(String message) {
        super(message);
    }

    public CallbackTokenStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
