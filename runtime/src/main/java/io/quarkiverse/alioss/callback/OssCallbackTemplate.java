package io.quarkiverse.alioss.callback;

import java.util.List;
import java.util.Map;

/**
 * The callback of one {@link OssCallback} endpoint, as the build computed it: the route, the body type and a body
 * template with exactly the variables the method binds. Inject it by name and fill it once per upload:
 *
 * <pre>
 * &#64;Inject
 * &#64;CallbackTemplateName("avatar")
 * OssCallbackTemplate avatar;
 *
 * OssCallbackSpec callback = avatar.fill(Map.of("user", userId));
 * </pre>
 *
 * The spec carries the callback URLs ({@code quarkus.oss.callback.base-url} + {@code quarkus.http.root-path} + path,
 * with the callback token when tokens are enabled) and goes into any upload, presigned URL or PostObject form.
 */
public interface OssCallbackTemplate {

    /** The callback name ({@link OssCallback#name()}). */
    String name();

    /** The route path including {@code quarkus.http.root-path}, e.g. {@code /api/oss/avatar}. */
    String path();

    CallbackBodyType bodyType();

    /** The {@code callbackBody} template, e.g. {@code bucket=${bucket}&x%3Auser=${x:user}}. */
    String body();

    /** The custom variables ({@code x:name}) that {@link #fill(Map)} needs a value for. */
    List<String> customVariables();

    /**
     * The callback for one upload.
     *
     * @param customValues a value for every custom variable, keyed {@code name} or {@code x:name}
     * @throws IllegalArgumentException naming a missing or unknown variable
     * @throws IllegalStateException when {@code quarkus.oss.callback.base-url} is not configured
     */
    OssCallbackSpec fill(Map<String, String> customValues);

    /** The callback for one upload of an endpoint without custom variables. */
    default OssCallbackSpec fill() {
        return fill(Map.of());
    }
}
