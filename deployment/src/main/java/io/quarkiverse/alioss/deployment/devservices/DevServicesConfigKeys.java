package io.quarkiverse.alioss.deployment.devservices;

import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.runtime.config.OssConfigKeys;

/**
 * The properties Dev Services for OSS reads and sets (the default client and the callback section), spelled by
 * {@link OssConfigKeys} like every other key of the extension.
 */
final class DevServicesConfigKeys {

    static final String ENABLED = OssConfigKeys.devServices("enabled");
    static final String ENDPOINT = defaultClient("endpoint");
    static final String REGION = defaultClient("region");
    static final String BUCKET = defaultClient("bucket");
    static final String CREDENTIALS_TYPE = defaultClient("credentials.type");
    static final String ACCESS_KEY_ID = defaultClient("credentials.access-key-id");
    static final String ACCESS_KEY_SECRET = defaultClient("credentials.access-key-secret");
    static final String CALLBACK_BASE_URL = OssConfigKeys.callback("base-url");

    private DevServicesConfigKeys() {
    }

    private static String defaultClient(String property) {
        return OssConfigKeys.client(OssClientName.DEFAULT, property);
    }
}
