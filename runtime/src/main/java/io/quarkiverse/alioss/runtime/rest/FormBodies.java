package io.quarkiverse.alioss.runtime.rest;

import org.jboss.resteasy.reactive.server.core.multipart.FormData;

import io.quarkiverse.alioss.runtime.callback.receive.FormCallbackFields;

/**
 * Form parameters of a verified callback body, for {@code @FormParam} / {@code @RestForm} parameters of the resource
 * method. The verification handler consumed the request stream, so RESTEasy Reactive cannot parse the form itself; and
 * it must never fall back to a form some other handler parsed from bytes nobody verified.
 */
final class FormBodies {

    /** As many values as RESTEasy Reactive's own form parser allows by default. */
    private static final int MAX_VALUES = 1000;

    private FormBodies() {
    }

    /** The verified form body, decoded by the same strict rules as the callback binding. */
    static FormData parse(byte[] body) {
        FormData form = new FormData(MAX_VALUES);
        FormCallbackFields.entries(body).forEach(entry -> form.add(entry.getKey(), entry.getValue()));
        return form;
    }

    /** No form: a JSON callback has none, and nothing else may supply one. */
    static FormData empty() {
        return new FormData(MAX_VALUES);
    }
}
