package io.quarkiverse.alioss.runtime.rest;

import java.util.List;

import org.jboss.resteasy.reactive.common.model.ResourceClass;
import org.jboss.resteasy.reactive.server.model.HandlerChainCustomizer;
import org.jboss.resteasy.reactive.server.model.ServerResourceMethod;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * Puts the callback verification first in the handler chain of one {@code @OssCallback} resource method: right after
 * matching, before request filters, form parsing and entity reading, so that it sees the raw body and a refused
 * callback never reaches anything of the application. Recorded at build time, hence the bean-style accessors.
 */
public class RestCallbackCustomizer implements HandlerChainCustomizer {

    private String callbackName;

    public RestCallbackCustomizer() {
        // for the bytecode recorder
    }

    public RestCallbackCustomizer(String callbackName) {
        this.callbackName = callbackName;
    }

    public String getCallbackName() {
        return callbackName;
    }

    public void setCallbackName(String callbackName) {
        this.callbackName = callbackName;
    }

    @Override
    public List<ServerRestHandler> handlers(Phase phase, ResourceClass resourceClass,
            ServerResourceMethod serverResourceMethod) {
        if (phase == Phase.AFTER_MATCH) {
            return List.of(new RestCallbackVerificationHandler(callbackName));
        }
        return List.of();
    }
}
