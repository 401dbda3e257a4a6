package io.quarkiverse.alioss.runtime.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.quarkiverse.alioss.credentials.OssCredentials;

/**
 * Credentials from {@code OSS_ACCESS_KEY_ID}, {@code OSS_ACCESS_KEY_SECRET} and, for STS, {@code OSS_SESSION_TOKEN}
 * (the variables the Aliyun SDKs use). Read on every call, so a lookup that changes is honoured.
 */
final class EnvironmentCredentialsProvider implements NonBlockingCredentialsProvider {

    public static final String ACCESS_KEY_ID = "OSS_ACCESS_KEY_ID";
    public static final String ACCESS_KEY_SECRET = "OSS_ACCESS_KEY_SECRET";
    public static final String SESSION_TOKEN = "OSS_SESSION_TOKEN";

    private final EnvironmentLookup environment;

    public EnvironmentCredentialsProvider(EnvironmentLookup environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** @return the required variables that are unset or empty, in the order id, secret */
    public List<String> missingVariables() {
        List<String> missing = new ArrayList<>(2);
        for (String name : List.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET)) {
            if (isBlank(environment.get(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    @Override
    public OssCredentials credentials() {
        List<String> missing = missingVariables();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("OSS credentials type 'environment' needs the environment variable"
                    + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing) + ", which "
                    + (missing.size() > 1 ? "are" : "is") + " not set");
        }
        String token = environment.get(SESSION_TOKEN);
        return OssCredentials.of(environment.get(ACCESS_KEY_ID), environment.get(ACCESS_KEY_SECRET),
                isBlank(token) ? null : token);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "EnvironmentCredentialsProvider[" + ACCESS_KEY_ID + ", " + ACCESS_KEY_SECRET + ", " + SESSION_TOKEN + "]";
    }
}
