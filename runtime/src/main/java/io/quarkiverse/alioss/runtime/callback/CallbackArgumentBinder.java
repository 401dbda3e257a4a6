package io.quarkiverse.alioss.runtime.callback;

import java.util.List;

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
}
