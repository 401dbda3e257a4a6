package io.quarkiverse.alioss.deployment.devservices;

/** The properties Dev Services for OSS reads and sets (the default client and the callback section). */
final class DevServicesConfigKeys {

    static final String ENDPOINT = "quarkus.oss.endpoint";
    static final String REGION = "quarkus.oss.region";
    static final String BUCKET = "quarkus.oss.bucket";
    static final String CREDENTIALS_TYPE = "quarkus.oss.credentials.type";
    static final String ACCESS_KEY_ID = "quarkus.oss.credentials.access-key-id";
    static final String ACCESS_KEY_SECRET = "quarkus.oss.credentials.access-key-secret";
    static final String CALLBACK_BASE_URL = "quarkus.oss.callback.base-url";
    static final String CALLBACK_TRUSTED_KEY_URLS = "quarkus.oss.callback.trusted-key-urls";

    private DevServicesConfigKeys() {
    }
}
