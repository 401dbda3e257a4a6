package io.quarkiverse.alioss.runtime.rest;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.parameters.ParameterExtractor;

/**
 * Supplies one {@code OssUpload}, {@code @SystemVar} or {@code @CallbackVar} parameter of a resource method from the
 * values {@link RestCallbackVerificationHandler} bound after verification. Recorded at build time, hence the bean-style
 * accessors.
 */
public class RestCallbackParameterExtractor implements ParameterExtractor {

    private String bodyKey;

    public RestCallbackParameterExtractor() {
        // for the bytecode recorder
    }

    /** @param bodyKey the body field a {@code @SystemVar} or {@code @CallbackVar} parameter binds */
    public RestCallbackParameterExtractor(String bodyKey) {
        this.bodyKey = bodyKey;
    }

    /** For an {@code OssUpload} parameter, which reads all system variables rather than one field. */
    public static RestCallbackParameterExtractor upload() {
        return new RestCallbackParameterExtractor(RestCallbackArguments.UPLOAD);
    }

    public String getBodyKey() {
        return bodyKey;
    }

    public void setBodyKey(String bodyKey) {
        this.bodyKey = bodyKey;
    }

    @Override
    public Object extractParameter(ResteasyReactiveRequestContext context) {
        return RestCallbackArguments.of(context).get(bodyKey);
    }
}
