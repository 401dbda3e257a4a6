package io.quarkiverse.alioss.emulator.server;

import java.util.Locale;

/**
 * One OSS API operation as a request selects it: the resource it addresses, the HTTP method, the sub-resource query
 * parameter (null for none) and, where two operations share those, a further condition. {@code implementation} is
 * null for operations the emulator answers with 501 NotImplemented.
 */
record ApiOperation(String name, Scope scope, String method, String subResource, Condition condition,
        Operation implementation) {

    /** What a request addresses: the service, a bucket, or an object. */
    enum Scope {
        SERVICE,
        BUCKET,
        OBJECT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What tells apart operations with the same scope, method and sub-resource. */
    enum Condition {
        NONE("") {
            @Override
            boolean test(OssExchange ex) {
                return true;
            }
        },
        COPY_SOURCE("header x-oss-copy-source") {
            @Override
            boolean test(OssExchange ex) {
                return ex.header("x-oss-copy-source") != null;
            }
        },
        LIST_TYPE_2("list-type=2") {
            @Override
            boolean test(OssExchange ex) {
                return "2".equals(ex.param("list-type"));
            }
        },
        FORM("multipart/form-data body") {
            @Override
            boolean test(OssExchange ex) {
                String type = ex.header("Content-Type");
                return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
            }
        };

        final String description;

        Condition(String description) {
            this.description = description;
        }

        abstract boolean test(OssExchange ex);
    }

    boolean implemented() {
        return implementation != null;
    }

    boolean matches(Scope scope, String method, String subResource, OssExchange ex) {
        return this.scope == scope && this.method.equals(method)
                && java.util.Objects.equals(this.subResource, subResource) && condition.test(ex);
    }
}
