package io.quarkiverse.alioss.runtime.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the raw callback body into the arguments of one {@code @OssCallback} method. */
final class CallbackArgumentBinder {

    /** The arguments, plus the custom variable values the callback token is checked against. */
    record Bound(Object[] arguments, Map<String, String> customValues) {
    }

    private final CallbackEndpoint endpoint;

    CallbackArgumentBinder(CallbackEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** @throws CallbackRejection 400 when the body cannot be parsed or a value cannot be converted */
    Bound bind(byte[] body) {
        List<CallbackParameter> parameters = endpoint.getParameters();
        Object[] arguments = new Object[parameters.size()];
        Map<String, String> customValues = new LinkedHashMap<>();
        if (!parameters.isEmpty()) {
            // TODO wire the verifier engineer's body field extraction and value conversion
            throw new IllegalStateException("parameter binding is not wired yet");
        }
        return new Bound(arguments, customValues);
    }
}
