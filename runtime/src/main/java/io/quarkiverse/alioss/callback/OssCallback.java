package io.quarkiverse.alioss.callback;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the receiver of an OSS upload callback.
 * <p>
 * At build time a route is generated for {@link #path()} that verifies the OSS signature and the callback token, binds
 * the callback body to the method parameters ({@link OssUpload}, {@link SystemVar}, {@link CallbackVar}) and replies
 * with the method's return value as JSON. A callback template with exactly the variables the method binds (plus
 * {@code bucket} and {@code object}, which the token pins) is generated under {@link #name()}, for the uploading side.
 * <p>
 * The token is what makes the values trustworthy: OSS signs callbacks with one key shared by all OSS customers, so the
 * signature alone only shows that some OSS upload triggered the request. The token binds the callback to the bucket,
 * the object (or a PostObject form's key prefix) and the {@code x:} values it was issued for, and is accepted once.
 * Callbacks of presigned URLs and PostObject forms are also confirmed with OSS before the method runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OssCallback {

    /**
     * Route path, relative to {@code quarkus.http.root-path}, e.g. {@code /oss/avatar}. Required on bean methods. On a
     * JAX-RS resource method (with RESTEasy Reactive) leave it empty: the callback path is the method's JAX-RS path.
     */
    String path() default "";

    /**
     * Name of the callback template, used to look it up from the uploading side and bound into the callback token.
     * Default (empty): the method's name, e.g. {@code uploaded} for {@code AvatarSaved uploaded(OssUpload upload)};
     * names must be unique in the application.
     */
    String name() default "";

    /** How OSS encodes the callback body. */
    CallbackBodyType bodyType() default CallbackBodyType.FORM;

    /** {@code callbackHost}: the Host header OSS sends; empty means the host of the callback URL. */
    String callbackHost() default "";

    /** {@code callbackSNI}: whether OSS sends TLS SNI to an HTTPS callback URL. */
    boolean sni() default false;

    /**
     * Whether every callback is confirmed with OSS before the method runs: the route asks OSS for the object's metadata
     * (one HEAD request through the OSS client configured for the bucket) and refuses a callback whose object is
     * missing or whose size, ETag, CRC-64 or content type differ from the body. Callbacks of presigned URLs and
     * PostObject forms are always confirmed; this also confirms those of uploads the application made itself.
     */
    boolean confirm() default false;
}
