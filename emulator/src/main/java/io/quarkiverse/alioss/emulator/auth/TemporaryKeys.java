package io.quarkiverse.alioss.emulator.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials this emulator issued (through its STS or ECS metadata endpoints), so that the OSS side
 * accepts requests signed with them while they are valid and refuses them afterwards, as OSS does.
 */
public final class TemporaryKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Issued keys are kept this long after expiry, to answer SecurityTokenExpired rather than an unknown key. */
    private static final Duration REMEMBER_EXPIRED = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, IssuedCredentials> issued = new ConcurrentHashMap<>();

    public TemporaryKeys(Clock clock) {
        this.clock = clock;
    }

    /** Issues a fresh key pair and token valid for {@code lifetime} from now. */
    public IssuedCredentials issue(Duration lifetime) {
        forgetLongExpired();
        IssuedCredentials credentials = new IssuedCredentials("STS." + random(18), random(30), "CAIS" + random(96),
                clock.instant().plus(lifetime));
        issued.put(credentials.accessKeyId(), credentials);
        return credentials;
    }

    /** @return the issued credentials with this access key id, expired or not, or null */
    public IssuedCredentials find(String accessKeyId) {
        return accessKeyId == null ? null : issued.get(accessKeyId);
    }

    /** Whether {@code credentials} are past their expiration now. */
    public boolean expired(IssuedCredentials credentials) {
        return !clock.instant().isBefore(credentials.expiration());
    }

    private void forgetLongExpired() {
        issued.values().removeIf(c -> clock.instant().isAfter(c.expiration().plus(REMEMBER_EXPIRED)));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
