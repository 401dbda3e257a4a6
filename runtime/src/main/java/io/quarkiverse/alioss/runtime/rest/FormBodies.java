package io.quarkiverse.alioss.runtime.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jboss.resteasy.reactive.server.core.multipart.FormData;

/**
 * Form parameters of a verified callback body, for {@code @FormParam} / {@code @RestForm} parameters of the resource
 * method. The verification handler consumed the request stream, so RESTEasy Reactive cannot parse the form itself.
 */
final class FormBodies {

    /** As many values as RESTEasy Reactive's own form parser allows by default. */
    private static final int MAX_VALUES = 1000;

    private FormBodies() {
    }

    static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** Decodes {@code a=1&b=x%3Ay} as forms are decoded ({@code +} is a space); undecodable parts stay as sent. */
    static FormData parse(byte[] body) {
        FormData form = new FormData(MAX_VALUES);
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.add(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return form;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
