package io.quarkiverse.alioss.runtime.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackParameter;

/** The bound callback parameters of one verified request, by body key, kept in the request context. */
final class RestCallbackArguments {

    /** The key an {@code OssUpload} parameter is bound under (it reads all system variables, not one field). */
    static final String UPLOAD = "";

    private static final String PROPERTY = RestCallbackArguments.class.getName();

    private final Map<String, Object> byKey;

    private RestCallbackArguments(Map<String, Object> byKey) {
        this.byKey = byKey;
    }

    /** @param arguments one value per entry of {@link CallbackEndpoint#getParameters()}, in order */
    static void store(ResteasyReactiveRequestContext context, CallbackEndpoint endpoint, Object[] arguments) {
        List<CallbackParameter> parameters = endpoint.getParameters();
        Map<String, Object> byKey = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            CallbackParameter parameter = parameters.get(i);
            String key = parameter.getSource() == CallbackParameter.Source.UPLOAD ? UPLOAD : parameter.getBodyKey();
            byKey.put(key, arguments[i]);
        }
        context.setProperty(PROPERTY, new RestCallbackArguments(byKey));
    }

    static RestCallbackArguments of(ResteasyReactiveRequestContext context) {
        RestCallbackArguments arguments = (RestCallbackArguments) context.getProperty(PROPERTY);
        if (arguments == null) {
            // the verification handler runs first in every @OssCallback chain; reaching this is a wiring bug
            throw new IllegalStateException("OSS callback parameters requested before the callback was verified");
        }
        return arguments;
    }

    Object get(String bodyKey) {
        if (!byKey.containsKey(bodyKey)) {
            throw new IllegalStateException("No OSS callback parameter bound under the body key '" + bodyKey + "'");
        }
        return byKey.get(bodyKey);
    }
}
