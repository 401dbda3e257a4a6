package io.quarkiverse.alioss.deployment.devservices;

import java.util.List;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;

/**
 * The properties Dev Services for OSS reads and sets (those of each client and the callback section), spelled by
 * {@link OssConfigKeys} like every other key of the extension.
 */
final class DevServicesConfigKeys {

    static final String ENABLED = OssConfigKeys.devServices("enabled");
    static final String CALLBACK_BASE_URL = OssConfigKeys.callback("base-url");

    /** Client properties, for {@link #client(String, String)}. */
    static final String ENDPOINT = "endpoint";
    static final String REGION = "region";
    static final String BUCKET = "bucket";
    static final String CREDENTIALS_TYPE = "credentials.type";
    static final String ACCESS_KEY_ID = "credentials.access-key-id";
    static final String ACCESS_KEY_SECRET = "credentials.access-key-secret";

    /**
     * The client properties that make a named client configured, as the run-time validation judges it: a client
     * named only by, say, its {@code read-timeout} is not a client the application is meant to use.
     */
    static final List<String> CONFIGURING_PROPERTIES = List.of(ENDPOINT, REGION, BUCKET, CREDENTIALS_TYPE,
            ACCESS_KEY_ID, ACCESS_KEY_SECRET, "credentials.custom-bean", "credentials.credentials-provider-name");

    private DevServicesConfigKeys() {
    }

    /** {@code quarkus.oss.<property>} for the default client, {@code quarkus.oss.<name>.<property>} otherwise. */
    static String client(String clientName, String property) {
        return OssConfigKeys.client(clientName, property);
    }

    static String defaultClient(String property) {
        return client(OssClientName.DEFAULT, property);
    }
}
