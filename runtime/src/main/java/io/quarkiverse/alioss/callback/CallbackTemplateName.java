package io.quarkiverse.alioss.callback;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects the {@link OssCallbackTemplate} of the {@link OssCallback} endpoint with this name. An injection point naming
 * a callback that does not exist fails the build.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE })
public @interface CallbackTemplateName {

    /** The callback name ({@link OssCallback#name()}, by default the method name). */
    String value();

    /**
     * For programmatic lookup, e.g.
     * {@code Instance.select(OssCallbackTemplate.class, CallbackTemplateName.Literal.of("avatar"))}.
     */
    final class Literal extends AnnotationLiteral<CallbackTemplateName> implements CallbackTemplateName {

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
