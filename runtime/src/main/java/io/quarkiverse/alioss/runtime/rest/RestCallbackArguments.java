package io.quarkiverse.alioss.runtime.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackParameter;

/** The bound callback parameters of one verified request, kept in the request context for the parameter extractors. */
final class RestCallbackArguments {

    /** The key an {@code OssUpload} parameter is bound under (it reads all system variables, not one field). */
    static final String UPLOAD = "";

    private static final String PROPERTY = RestCallbackArguments.class.getName();

    private final Map<String, Integer> positions;
    private final Object[] arguments;

    private RestCallbackArguments(Map<String, Integer> positions, Object[] arguments) {
        this.positions = positions;
        this.arguments = arguments;
    }

    /** Where each body key's value is among the arguments of the endpoint; computed once per endpoint. */
    static Map<String, Integer> positions(CallbackEndpoint endpoint) {
        List<CallbackParameter> parameters = endpoint.parameters();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            CallbackParameter parameter = parameters.get(i);
            positions.put(parameter.source() == CallbackParameter.Source.UPLOAD ? UPLOAD : parameter.bodyKey(),
                    i);
        }
        return Map.copyOf(positions);
    }

    /**
     * @param positions of the endpoint, from {@link #positions}
     * @param arguments one value per entry of {@link CallbackEndpoint#parameters()}, in order
     */
    static void store(ResteasyReactiveRequestContext context, Map<String, Integer> positions, Object[] arguments) {
        context.setProperty(PROPERTY, new RestCallbackArguments(positions, arguments));
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
        Integer position = positions.get(bodyKey);
        if (position == null) {
            throw new IllegalStateException("No OSS callback parameter bound under the body key '" + bodyKey + "'");
        }
        return arguments[position];
    }
}
