package io.quarkiverse.alioss.runtime.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the raw callback body into the arguments of one {@code @OssCallback} method. */
final class CallbackArgumentBinder {

    private final CallbackEndpoint endpoint;
    private final CallbackValueTypes.Reader[] readers;

    CallbackArgumentBinder(CallbackEndpoint endpoint) {
        this.endpoint = endpoint;
        List<CallbackParameter> parameters = endpoint.getParameters();
        this.readers = new CallbackValueTypes.Reader[parameters.size()];
        for (int i = 0; i < readers.length; i++) {
            CallbackParameter parameter = parameters.get(i);
            readers[i] = parameter.getSource() == CallbackParameter.Source.UPLOAD
                    ? CallbackValues::ossUpload
                    : CallbackValueTypes.reader(parameter);
        }
    }

    /** @throws CallbackRejection 400 when the body is not of the declared type */
    CallbackFields parse(byte[] body) {
        try {
            return CallbackFields.parse(endpoint.getBodyType(), body);
        } catch (CallbackBindingException e) {
            throw CallbackRejection.malformed(e.getMessage(), e);
        }
    }

    /** @throws CallbackRejection 400 when a required field is missing or a value cannot be converted */
    Object[] arguments(CallbackFields fields) {
        try {
            Object[] arguments = new Object[readers.length];
            for (int i = 0; i < readers.length; i++) {
                arguments[i] = readers[i].read(fields);
            }
            return arguments;
        } catch (CallbackBindingException e) {
            throw CallbackRejection.malformed(e.getMessage(), e);
        }
    }

    /** The received values of the custom variables the method binds, keyed {@code x:name} as the token binds them. */
    Map<String, String> customValues(CallbackFields fields) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (CallbackParameter parameter : endpoint.getParameters()) {
                if (parameter.getSource() == CallbackParameter.Source.CUSTOM_VAR) {
                    values.put(parameter.getVariable(), fields.get(parameter.getBodyKey()));
                }
            }
        } catch (CallbackBindingException e) {
            throw CallbackRejection.malformed(e.getMessage(), e);
        }
        return values;
    }
}
