package io.quarkiverse.alioss.runtime.credentials;

import java.util.Locale;
import java.util.Optional;

/** The values of {@code quarkus.oss.credentials.type}. */
public enum CredentialsType {
    STATIC("static"),
    ENVIRONMENT("environment"),
    CUSTOM("custom"),
    CREDENTIALS_PROVIDER("credentials-provider");

    private final String configValue;

    CredentialsType(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<CredentialsType> parse(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        for (CredentialsType type : values()) {
            if (type.configValue.equals(normalized)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
