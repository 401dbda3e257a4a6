package io.quarkiverse.alioss.emulator.auth;

import java.time.Instant;

/**
 * Temporary credentials the emulator issued, as STS or the ECS metadata service would: an {@code STS.} access key, its
 * secret and the security token that must travel with every request signed by them, valid until {@code expiration}.
 */
public record IssuedCredentials(String accessKeyId, String accessKeySecret, String securityToken, Instant expiration) {

    /** Hides the secret and the token, which tests may log. */
    @Override
    public String toString() {
        return "IssuedCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
