package io.quarkiverse.alioss.callback;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a custom callback variable {@code ${x:name}} to an {@link OssCallback} method parameter.
 * <p>
 * {@link #value()} is the variable name without the {@code x:} prefix: lowercase ASCII letters, digits and {@code _}
 * (e.g. {@code user}, {@code order_id}); see {@link OssCallbackSpec#VARIABLE_NAME}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CallbackVar {

    /** Variable name without the {@code x:} prefix. */
    String value();

    /** Key of the field in the callback body; default (empty): {@code x:<value>}. */
    String key() default "";
}
