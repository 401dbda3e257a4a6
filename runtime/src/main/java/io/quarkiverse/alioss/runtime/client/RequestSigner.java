package io.quarkiverse.alioss.runtime.client;

/**
 * Adds authentication to a request just before it is sent (each attempt is signed anew, so retries carry a fresh
 * date). Implemented on top of the signing package; tests against a stub server may use {@link #NONE}.
 */
@FunctionalInterface
public interface RequestSigner {

    void sign(SignableRequest request);

    RequestSigner NONE = request -> {
    };
}
