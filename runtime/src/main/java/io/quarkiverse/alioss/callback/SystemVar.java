package io.quarkiverse.alioss.callback;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds one OSS system variable (e.g. {@code size}, {@code object}, {@code imageInfo.width}) to an {@link OssCallback}
 * method parameter. See {@link OssUpload#SYSTEM_VARIABLES} for the names.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SystemVar {

    /** The system variable name as written inside {@code ${...}}. */
    String value();

    /** Key of the field in the callback body; default (empty): the variable name itself. */
    String key() default "";
}
