package io.quarkiverse.alioss.emulator.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a request is signed with this emulator's key, in any of the four forms the SDKs use: V4 or V1, in the
 * Authorization header or in a presigned URL's query. Also checks PostObject policy signatures. Throws
 * {@link AuthFailure} with the OSS error code. Temporary credentials the emulator issued ({@link TemporaryKeys}) are
 * accepted with their security token while they are valid.
 */
public final class RequestAuthenticator {

    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter V4_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String V4_PREFIX = SignatureV4.ALGORITHM + " ";
    /** Where STS credentials carry their token: header, V4 query and PostObject field ({@code security-token} for V1 query). */
    private static final String SECURITY_TOKEN = "x-oss-security-token";

    private final EmulatorCredentials credentials;
    private final TemporaryKeys temporaryKeys;
    private final Clock clock;
    /** The V4 signing key changes once a day: derive it once, not four HMACs per request. */
    private volatile DatedKey signingKey = new DatedKey("", new byte[0]);

    private record DatedKey(String date, byte[] key) {
    }

    public RequestAuthenticator(EmulatorCredentials credentials, Clock clock) {
        this(credentials, new TemporaryKeys(clock), clock);
    }

    public RequestAuthenticator(EmulatorCredentials credentials, TemporaryKeys temporaryKeys, Clock clock) {
        this.credentials = credentials;
        this.temporaryKeys = temporaryKeys;
        this.clock = clock;
    }

    public void authenticate(SignedRequest request) {
        String authorization = request.headers().get("Authorization");
        if (authorization != null && authorization.startsWith(V4_PREFIX)) {
            verifyV4Header(request, authorization.substring(V4_PREFIX.length()));
        } else if (authorization != null && authorization.startsWith("OSS ")) {
            verifyV1Header(request, authorization.substring(4));
        } else if (SignatureV4.ALGORITHM.equals(request.queryParam("x-oss-signature-version"))) {
            verifyV4Query(request);
        } else if (request.queryParam("OSSAccessKeyId") != null && request.queryParam("Signature") != null) {
            verifyV1Query(request);
        } else if (authorization != null) {
            throw new AuthFailure("InvalidArgument", "Authorization header is invalid.")
                    .with("ArgumentName", "Authorization");
        } else {
            throw new AuthFailure("AccessDenied", "AccessDenied: anonymous access is not allowed on this bucket.");
        }
    }

    private void verifyV4Header(SignedRequest request, String params) {
        Map<String, String> fields = new HashMap<>();
        for (String part : params.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        Scope scope = parseCredential(fields.get("Credential"), request.headers().get(SECURITY_TOKEN));
        String timestamp = request.headers().get("x-oss-date");
        Instant time = parseV4Time(timestamp, "x-oss-date");
        checkSkew(time);
        checkScopeDate(scope, timestamp);
        Set<String> additional = SignatureV4.additionalHeaders(fields.get("AdditionalHeaders"), request.headers());
        String payload = request.headers().get("x-oss-content-sha256");
        verifyV4(request, scope, timestamp, additional, payload == null ? SignatureV4.UNSIGNED_PAYLOAD : payload,
                fields.get("Signature"));
    }

    private void verifyV4Query(SignedRequest request) {
        Scope scope = parseCredential(request.queryParam("x-oss-credential"), request.queryParam(SECURITY_TOKEN));
        String timestamp = request.queryParam("x-oss-date");
        Instant time = parseV4Time(timestamp, "x-oss-date");
        checkScopeDate(scope, timestamp);
        long expires = parseLong(request.queryParam("x-oss-expires"), "x-oss-expires");
        if (expires < 1 || expires > 604800) {
            throw new AuthFailure("InvalidArgument", "x-oss-expires must be between 1 and 604800 seconds.")
                    .with("ArgumentName", "x-oss-expires");
        }
        Instant now = clock.instant();
        if (time.isAfter(now.plus(MAX_SKEW))) {
            throw AuthFailure.skewed();
        }
        if (now.isAfter(time.plusSeconds(expires))) {
            throw AuthFailure.expired();
        }
        Set<String> additional = SignatureV4.additionalHeaders(request.queryParam("x-oss-additional-headers"),
                request.headers());
        verifyV4(request, scope, timestamp, additional, SignatureV4.UNSIGNED_PAYLOAD,
                request.queryParam("x-oss-signature"));
    }

    private void verifyV4(SignedRequest request, Scope scope, String timestamp, Set<String> additional,
            String hashedPayload, String provided) {
        if (!scope.region.equals(credentials.region())) {
            throw AuthFailure.wrongRegion();
        }
        String canonical = SignatureV4.canonicalRequest(request, additional, hashedPayload);
        String scopeText = SignatureV4.scope(scope.date, credentials.region());
        String stringToSign = SignatureV4.stringToSign(timestamp, scopeText, canonical);
        String expected = SignatureV4.sign(signingKey(scope), stringToSign);
        if (!Hmac.same(expected, provided)) {
            throw AuthFailure.signatureMismatch(stringToSign).with("CanonicalRequest", canonical);
        }
    }

    private void verifyV1Header(SignedRequest request, String credential) {
        int colon = credential.lastIndexOf(':');
        if (colon <= 0) {
            throw new AuthFailure("InvalidArgument", "Authorization header is invalid.")
                    .with("ArgumentName", "Authorization");
        }
        String secret = secretOf(credential.substring(0, colon).trim(), request.headers().get(SECURITY_TOKEN));
        String date = request.headers().get("x-oss-date");
        if (date == null) {
            date = request.headers().get("Date");
        }
        if (date == null) {
            throw new AuthFailure("AccessDenied", "Authorization requires a Date header.");
        }
        checkSkew(parseHttpDate(date));
        String stringToSign = SignatureV1.stringToSign(request, date.trim());
        if (!Hmac.same(SignatureV1.sign(secret, stringToSign), credential.substring(colon + 1).trim())) {
            throw AuthFailure.signatureMismatch(stringToSign).with("OSSAccessKeyId",
                    credential.substring(0, colon).trim());
        }
    }

    private void verifyV1Query(SignedRequest request) {
        String secret = secretOf(request.queryParam("OSSAccessKeyId"), request.queryParam("security-token"));
        String expires = request.queryParam("Expires");
        if (clock.instant().getEpochSecond() > parseLong(expires, "Expires")) {
            throw AuthFailure.expired();
        }
        String stringToSign = SignatureV1.stringToSign(request, expires);
        if (!Hmac.same(SignatureV1.sign(secret, stringToSign), request.queryParam("Signature"))) {
            throw AuthFailure.signatureMismatch(stringToSign).with("OSSAccessKeyId",
                    request.queryParam("OSSAccessKeyId"));
        }
    }

    /**
     * Checks a PostObject form's signature over its policy (V1 {@code OSSAccessKeyId}/{@code Signature} or the V4
     * fields). {@code fields} has lowercase names.
     */
    public void authenticatePostPolicy(Map<String, String> fields) {
        String policy = fields.get("policy");
        if (policy == null) {
            throw new AuthFailure("AccessDenied", "AccessDenied: anonymous access is not allowed on this bucket.");
        }
        if (SignatureV4.ALGORITHM.equals(fields.get("x-oss-signature-version"))) {
            Scope scope = parseCredential(fields.get("x-oss-credential"), fields.get(SECURITY_TOKEN));
            String timestamp = fields.get("x-oss-date");
            checkSkew(parseV4Time(timestamp, "x-oss-date"));
            checkScopeDate(scope, timestamp);
            String provided = fields.get("x-oss-signature");
            if (provided == null) {
                throw new AuthFailure("InvalidArgument", "The x-oss-signature field is required for a V4 PostObject.")
                        .with("ArgumentName", "x-oss-signature");
            }
            if (!scope.region.equals(credentials.region())) {
                throw AuthFailure.wrongRegion();
            }
            String expected = SignatureV4.sign(signingKey(scope), policy);
            if (!Hmac.same(expected, provided)) {
                throw AuthFailure.signatureMismatch(policy);
            }
            return;
        }
        String accessKeyId = fields.get("ossaccesskeyid");
        String provided = fields.get("signature");
        if (accessKeyId == null || provided == null) {
            throw new AuthFailure("InvalidArgument",
                    "A signed PostObject needs OSSAccessKeyId and Signature (V1) or the x-oss-signature-version, "
                            + "x-oss-credential, x-oss-date and x-oss-signature fields (V4).")
                    .with("ArgumentName", accessKeyId == null ? "OSSAccessKeyId" : "Signature");
        }
        String secret = secretOf(accessKeyId, fields.get(SECURITY_TOKEN));
        if (!Hmac.same(SignatureV1.sign(secret, policy), provided)) {
            throw AuthFailure.signatureMismatch(policy);
        }
    }

    private byte[] signingKey(Scope scope) {
        if (!scope.secret.equals(credentials.accessKeySecret())) {
            // temporary keys change too often for the cache to pay
            return SignatureV4.signingKey(scope.secret, scope.date, credentials.region());
        }
        DatedKey cached = signingKey;
        if (!cached.date().equals(scope.date)) {
            cached = new DatedKey(scope.date,
                    SignatureV4.signingKey(credentials.accessKeySecret(), scope.date, credentials.region()));
            signingKey = cached;
        }
        return cached.key();
    }

    private record Scope(String date, String region, String secret) {
    }

    private Scope parseCredential(String credential, String securityToken) {
        String[] parts = credential == null ? new String[0] : credential.split("/");
        if (parts.length != 5 || !"oss".equals(parts[3]) || !"aliyun_v4_request".equals(parts[4])) {
            throw new AuthFailure("InvalidArgument",
                    "Credential must be <AccessKeyId>/<yyyymmdd>/<region>/oss/aliyun_v4_request.")
                    .with("ArgumentName", "Credential");
        }
        return new Scope(parts[1], parts[2], secretOf(parts[0], securityToken));
    }

    /**
     * The secret to check a signature by {@code accessKeyId} with: the emulator's own key, or temporary credentials
     * it issued, which need their security token and are refused once expired, as OSS does.
     */
    private String secretOf(String accessKeyId, String securityToken) {
        if (credentials.accessKeyId().equals(accessKeyId)) {
            return credentials.accessKeySecret();
        }
        IssuedCredentials issued = temporaryKeys.find(accessKeyId);
        if (issued == null) {
            throw AuthFailure.unknownAccessKey(accessKeyId);
        }
        if (securityToken == null || !Hmac.same(issued.securityToken(), securityToken)) {
            throw AuthFailure.invalidSecurityToken();
        }
        if (temporaryKeys.expired(issued)) {
            throw AuthFailure.securityTokenExpired();
        }
        return issued.accessKeySecret();
    }

    private static void checkScopeDate(Scope scope, String timestamp) {
        if (!timestamp.startsWith(scope.date)) {
            throw new AuthFailure("AccessDenied", "The date in Credential must be the day of x-oss-date.");
        }
    }

    private void checkSkew(Instant requestTime) {
        if (Duration.between(requestTime, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw AuthFailure.skewed();
        }
    }

    private static Instant parseV4Time(String value, String name) {
        try {
            return LocalDateTime.parse(value, V4_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new AuthFailure("AccessDenied", name + " must be yyyyMMdd'T'HHmmss'Z', got: " + value);
        }
    }

    private static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new AuthFailure("AccessDenied", "Date must be an RFC 1123 date, got: " + value);
        }
    }

    private static long parseLong(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AuthFailure("InvalidArgument", name + " must be a number, got: " + value)
                    .with("ArgumentName", name);
        }
    }
}
