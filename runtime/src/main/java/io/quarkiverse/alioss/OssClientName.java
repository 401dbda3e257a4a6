package io.quarkiverse.alioss;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects the named OSS client configured under {@code quarkus.oss."name".*}; without it the default client
 * ({@code quarkus.oss.*}) is injected.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, TYPE })
public @interface OssClientName {

    /** The name the default client ({@code quarkus.oss.*}) is known by internally. */
    String DEFAULT = "<default>";

    /**
     * @return the client name, as in {@code quarkus.oss."name".endpoint}
     */
    String value();

    /**
     * Literal for programmatic lookup, e.g. {@code Arc.container().instance(OssClient.class, OssClientName.Literal.of("x"))}.
     */
    final class Literal extends AnnotationLiteral<OssClientName> implements OssClientName {

        private static final long serialVersionUID = 1L;

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
