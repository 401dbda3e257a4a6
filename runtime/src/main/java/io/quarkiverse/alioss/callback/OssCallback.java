package io.quarkiverse.alioss.callback;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the receiver of an OSS upload callback.
 * <p>
 * At build time a route is generated for {@link #path()} that verifies the OSS signature (and the callback token, when
 * enabled), binds the callback body to the method parameters ({@link OssUpload}, {@link SystemVar}, {@link CallbackVar})
 * and replies with the method's return value as JSON. A callback template with exactly the variables the method binds is
 * generated under {@link #name()}, for the uploading side.
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
}
