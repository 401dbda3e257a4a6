package io.quarkiverse.alioss.runtime.callback.receive;

import java.util.List;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackParameter;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate;

/** Turns the raw callback body into the arguments of one {@code @OssCallback} method. */
final class CallbackArgumentBinder {

    private final CallbackEndpoint endpoint;
    private final CallbackValueTypes.Reader[] readers;
    /** The keys of the endpoint's template: every key the token check, the binding and a confirmation read. */
    private final FormFieldNames formFields;

    CallbackArgumentBinder(CallbackEndpoint endpoint, CallbackTemplate template) {
        this.endpoint = endpoint;
        this.formFields = FormFieldNames.of(template.fields().stream().map(CallbackTemplate.Field::key).toList());
        List<CallbackParameter> parameters = endpoint.parameters();
        this.readers = new CallbackValueTypes.Reader[parameters.size()];
        for (int i = 0; i < readers.length; i++) {
            CallbackParameter parameter = parameters.get(i);
            readers[i] = parameter.source() == CallbackParameter.Source.UPLOAD
                    ? CallbackValues::ossUpload
                    : CallbackValueTypes.reader(parameter);
        }
    }

    /** @throws CallbackRejection 400 when the body is not of the declared type */
    CallbackFields parse(byte[] body) {
        try {
            return endpoint.bodyType() == CallbackBodyType.JSON ? JsonCallbackFields.parse(body)
                    : FormCallbackFields.parse(body, formFields);
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
