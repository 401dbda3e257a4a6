package io.quarkiverse.alioss.emulator.cloud;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkiverse.alioss.emulator.auth.TemporaryKeys;

/**
 * The part of the ECS instance metadata service a RAM role needs, in its hardened mode (every read needs a session
 * token): {@code PUT /latest/api/token} with {@code X-aliyun-ecs-metadata-token-ttl-seconds}, then reads with
 * {@code X-aliyun-ecs-metadata-token} of the role name and of the role's temporary credentials.
 */
final class MetadataService {

    static final String TOKEN_PATH = "/latest/api/token";
    static final String CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";
    static final String TTL_HEADER = "X-aliyun-ecs-metadata-token-ttl-seconds";
    static final String TOKEN_HEADER = "X-aliyun-ecs-metadata-token";
    /** What the real service issues its role credentials for. */
    private static final Duration ROLE_CREDENTIALS_LIFETIME = Duration.ofHours(6);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String roleName;
    private final TemporaryKeys temporaryKeys;
    private final Optional<Duration> lifetime;
    private final Clock clock;
    private final Map<String, Instant> sessionTokens = new ConcurrentHashMap<>();

    MetadataService(String roleName, TemporaryKeys temporaryKeys, Optional<Duration> lifetime, Clock clock) {
        this.roleName = roleName;
        this.temporaryKeys = temporaryKeys;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** @return the session token for a valid {@code PUT /latest/api/token} */
    String sessionToken(String ttlSeconds, boolean forwarded) {
        if (forwarded) {
            // the real service refuses token requests that came through a proxy, against SSRF
            throw new CloudError(403, "Forbidden", "X-Forwarded-For is not allowed on a token request.");
        }
        long ttl;
        try {
            ttl = Long.parseLong(ttlSeconds == null ? "" : ttlSeconds.trim());
        } catch (NumberFormatException e) {
            throw new CloudError(400, "BadRequest", TTL_HEADER + " must be 1 to 21600 seconds.");
        }
        if (ttl < 1 || ttl > 21600) {
            throw new CloudError(400, "BadRequest", TTL_HEADER + " must be 1 to 21600 seconds.");
        }
        Instant now = clock.instant();
        sessionTokens.values().removeIf(expiry -> expiry.isBefore(now));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessionTokens.put(token, now.plusSeconds(ttl));
        return token;
    }

    /** The role name for a read of {@code security-credentials/}, its credentials JSON for {@code .../<role>}. */
    String read(String path, String sessionToken) {
        Instant expiry = sessionToken == null ? null : sessionTokens.get(sessionToken);
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            throw new CloudError(401, "Unauthorized", "A valid " + TOKEN_HEADER + " header is required.");
        }
        String role = path.substring(CREDENTIALS_PATH.length());
        if (role.isEmpty()) {
            return roleName;
        }
        if (!role.equals(roleName)) {
            throw new CloudError(404, "NotFound", "No RAM role '" + role + "' is attached to this instance.");
        }
        Instant now = clock.instant();
        return StsService.credentialsJson(temporaryKeys.issue(lifetime.orElse(ROLE_CREDENTIALS_LIFETIME)))
                .put("LastUpdated", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)))
                .put("Code", "Success")
                .encodePrettily();
    }

}
