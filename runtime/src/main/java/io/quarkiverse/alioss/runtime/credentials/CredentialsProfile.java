package io.quarkiverse.alioss.runtime.credentials;

import java.util.Map;
import java.util.Optional;

/**
 * One profile of the official credentials files, in the terms of this extension's credential types: what
 * {@code ~/.alibabacloud/credentials.ini} calls {@code type} and {@code ~/.aliyun/config.json} calls {@code mode}
 * become a {@link Kind}; the values keep the file's own key names so messages can name them.
 */
record CredentialsProfile(String file, String name, Kind kind, Map<String, String> values) {

    enum Kind {
        /** An AccessKey pair, with an STS token when the profile holds one ({@code StsToken} mode). */
        ACCESS_KEY,
        /** AssumeRole signed with the profile's AccessKey pair. */
        RAM_ROLE_ARN,
        /** The ECS instance's RAM role. */
        ECS_RAM_ROLE,
        /** AssumeRoleWithOIDC. */
        OIDC_ROLE_ARN
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** {@code profile 'default' in /home/me/.aliyun/config.json}, for messages. */
    String describe() {
        return "profile '" + name + "' in " + file;
    }
}
