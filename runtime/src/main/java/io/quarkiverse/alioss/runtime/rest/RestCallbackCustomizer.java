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
    private boolean formParameters;

    public RestCallbackCustomizer() {
        // for the bytecode recorder
    }

    /** @param formParameters whether the method may read form parameters: only then is the body parsed as a form */
    public RestCallbackCustomizer(String callbackName, boolean formParameters) {
        this.callbackName = callbackName;
        this.formParameters = formParameters;
    }

    public String getCallbackName() {
        return callbackName;
    }

    public void setCallbackName(String callbackName) {
        this.callbackName = callbackName;
    }

    public boolean isFormParameters() {
        return formParameters;
    }

    public void setFormParameters(boolean formParameters) {
        this.formParameters = formParameters;
    }

    @Override
    public List<ServerRestHandler> handlers(Phase phase, ResourceClass resourceClass,
            ServerResourceMethod serverResourceMethod) {
        if (phase == Phase.AFTER_MATCH) {
            return List.of(new RestCallbackVerificationHandler(callbackName, formParameters));
        }
        return List.of();
    }
}
