package io.quarkiverse.alioss.emulator.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.quarkiverse.alioss.emulator.auth.EmulatorCredentials;
import io.quarkiverse.alioss.emulator.auth.IssuedCredentials;
import io.quarkiverse.alioss.emulator.auth.TemporaryKeys;
import io.vertx.core.json.JsonObject;

/**
 * The STS actions the credential providers call: {@code AssumeRole}, signed with the emulator's key (or with temporary
 * credentials it issued, token included) and checked as the real RPC API checks it, and {@code AssumeRoleWithOIDC},
 * which is anonymous. Both issue temporary credentials that the OSS side of the same emulator accepts until they
 * expire.
 */
final class StsService {

    static final String VERSION = "2015-04-01";
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::\\d+:role/[\\w.@-]+");
    private static final Pattern OIDC_PROVIDER_ARN = Pattern.compile("acs:ram::\\d+:oidc-provider/[\\w.@-]+");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w.@-]{2,64}");

    private final EmulatorCredentials key;
    private final TemporaryKeys temporaryKeys;
    private final Optional<Duration> lifetime;
    private final Clock clock;
    /** Nonces seen within the allowed clock skew: a replayed request is refused. */
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

    /** @param lifetime when present, the lifetime of every issued credential, whatever DurationSeconds asks */
    StsService(EmulatorCredentials key, TemporaryKeys temporaryKeys, Optional<Duration> lifetime, Clock clock) {
        this.key = key;
        this.temporaryKeys = temporaryKeys;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** @param parameters query and form parameters together */
    JsonObject handle(String method, Map<String, String> parameters) {
        String action = parameters.get("Action");
        if (action == null) {
            throw CloudError.missing("Action");
        }
        return switch (action) {
            case "AssumeRole" -> {
                checkSignature(method, parameters);
                yield issue(parameters, "");
            }
            case "AssumeRoleWithOIDC" -> {
                require(parameters, "OIDCProviderArn", OIDC_PROVIDER_ARN);
                checkOidcToken(parameters.get("OIDCToken"));
                yield issue(parameters, "oidc");
            }
            default -> throw new CloudError(404, "InvalidAction.NotFound",
                    "Specified api is not found, please check your url and method.");
        };
    }

    private void checkSignature(String method, Map<String, String> parameters) {
        for (String name : new String[] { "AccessKeyId", "Signature", "SignatureNonce", "Timestamp" }) {
            if (blank(parameters.get(name))) {
                throw CloudError.missing(name);
            }
        }
        if (!"HMAC-SHA1".equals(parameters.get("SignatureMethod"))) {
            throw CloudError.invalid("SignatureMethod", "only HMAC-SHA1 is supported");
        }
        if (!"1.0".equals(parameters.get("SignatureVersion"))) {
            throw CloudError.invalid("SignatureVersion", "must be 1.0");
        }
        if (!VERSION.equals(parameters.get("Version"))) {
            throw CloudError.invalid("Version", "must be " + VERSION);
        }
        Instant now = clock.instant();
        Instant timestamp = parseTimestamp(parameters.get("Timestamp"));
        if (Duration.between(timestamp, now).abs().compareTo(MAX_SKEW) > 0) {
            throw new CloudError(400, "InvalidTimeStamp.Expired",
                    "Specified time stamp or date value is expired.");
        }
        String secret = secretOf(parameters.get("AccessKeyId"), parameters.get("SecurityToken"));
        Map<String, String> signed = new HashMap<>(parameters);
        String provided = signed.remove("Signature");
        String expected = RpcSignature.sign(method, signed, secret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                provided.getBytes(StandardCharsets.UTF_8))) {
            throw new CloudError(400, "SignatureDoesNotMatch", "Specified signature is not matched with our "
                    + "calculation. server string to sign is:" + RpcSignature.stringToSign(method, signed));
        }
        nonces.values().removeIf(seen -> seen.isBefore(now.minus(MAX_SKEW.multipliedBy(2))));
        if (nonces.putIfAbsent(parameters.get("SignatureNonce"), now) != null) {
            throw new CloudError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        }
    }

    private String secretOf(String accessKeyId, String securityToken) {
        if (key.accessKeyId().equals(accessKeyId)) {
            return key.accessKeySecret();
        }
        IssuedCredentials issued = temporaryKeys.find(accessKeyId);
        if (issued == null) {
            throw new CloudError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        if (securityToken == null || !issued.securityToken().equals(securityToken)) {
            throw new CloudError(400, "InvalidSecurityToken.Mismatch",
                    "Specified SecurityToken mismatch with the AccessKey.");
        }
        if (temporaryKeys.expired(issued)) {
            throw new CloudError(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
        }
        return issued.accessKeySecret();
    }

    private static void checkOidcToken(String token) {
        if (blank(token)) {
            throw CloudError.missing("OIDCToken");
        }
        // a JWT: header.payload.signature; the emulator trusts any issuer
        if (token.trim().split("\\.", -1).length != 3) {
            throw new CloudError(400, "AuthenticationFail.OIDCToken.Invalid", "The OIDCToken is not a valid JWT.");
        }
    }

    private JsonObject issue(Map<String, String> parameters, String sessionPrefix) {
        String roleArn = require(parameters, "RoleArn", ROLE_ARN);
        String session = parameters.getOrDefault("RoleSessionName", sessionPrefix + "session");
        if (!SESSION_NAME.matcher(session).matches()) {
            throw CloudError.invalid("RoleSessionName", "2 to 64 letters, digits, '.', '@', '-' or '_'");
        }
        IssuedCredentials issued = temporaryKeys.issue(lifetime.orElseGet(() -> requestedDuration(parameters)));
        String roleName = roleArn.substring(roleArn.indexOf('/') + 1);
        return new JsonObject()
                .put("RequestId", UUID.randomUUID().toString().toUpperCase())
                .put("AssumedRoleUser", new JsonObject()
                        .put("Arn", roleArn + "/" + session)
                        .put("AssumedRoleId", Math.abs(roleName.hashCode()) + ":" + session))
                .put("Credentials", credentialsJson(issued));
    }

    /** The credentials object STS and the metadata service return, with the second-precision UTC expiration. */
    static JsonObject credentialsJson(IssuedCredentials issued) {
        return new JsonObject()
                .put("AccessKeyId", issued.accessKeyId())
                .put("AccessKeySecret", issued.accessKeySecret())
                .put("SecurityToken", issued.securityToken())
                .put("Expiration", DateTimeFormatter.ISO_INSTANT.format(issued.expiration().truncatedTo(
                        ChronoUnit.SECONDS)));
    }

    private static Duration requestedDuration(Map<String, String> parameters) {
        String value = parameters.get("DurationSeconds");
        if (value == null) {
            return Duration.ofHours(1);
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 900 || seconds > 43200) {
                throw CloudError.invalid("DurationSeconds", "must be between 900 and 43200");
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw CloudError.invalid("DurationSeconds", "not a number");
        }
    }

    private static String require(Map<String, String> parameters, String name, Pattern format) {
        String value = parameters.get(name);
        if (blank(value)) {
            throw CloudError.missing(name);
        }
        if (!format.matcher(value).matches()) {
            throw CloudError.invalid(name, "does not match " + format.pattern());
        }
        return value;
    }

    private static Instant parseTimestamp(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CloudError.invalid("Timestamp", "must be yyyy-MM-ddTHH:mm:ssZ in UTC");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
