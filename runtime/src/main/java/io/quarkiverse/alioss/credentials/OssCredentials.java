package io.quarkiverse.alioss.credentials;

import java.util.Objects;
import java.util.Optional;

/**
 * One set of OSS access credentials: an access key pair and, for STS, a security token.
 * <p>
 * {@link #toString()} never shows the secret or the token, so a credentials object can end up in a log line safely.
 */
public record OssCredentials(String accessKeyId, String accessKeySecret, Optional<String> securityToken) {

    public OssCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        securityToken = securityToken == null ? Optional.empty() : securityToken.filter(t -> !t.isEmpty());
    }

    public static OssCredentials of(String accessKeyId, String accessKeySecret) {
        return new OssCredentials(accessKeyId, accessKeySecret, Optional.empty());
    }

    public static OssCredentials of(String accessKeyId, String accessKeySecret, String securityToken) {
        return new OssCredentials(accessKeyId, accessKeySecret, Optional.ofNullable(securityToken));
    }

    @Override
    public String toString() {
        return "OssCredentials[accessKeyId=" + accessKeyId + ", accessKeySecret=***"
                + (securityToken.isPresent() ? ", securityToken=***" : "") + "]";
    }
}
