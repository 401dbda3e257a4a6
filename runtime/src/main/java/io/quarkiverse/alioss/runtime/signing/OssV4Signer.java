package io.quarkiverse.alioss.runtime.signing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkiverse.alioss.credentials.OssCredentials;

/**
 * Signature V4 ({@code OSS4-HMAC-SHA256}) for header authentication, presigned URLs and PostObject policies
 * (protocol reference §6.1–6.4).
 */
public final class OssV4Signer implements OssRequestSigner {

    public static final String ALGORITHM = "OSS4-HMAC-SHA256";
    public static final long MAX_EXPIRES_SECONDS = 604_800;

    private static final String TERMINATOR = "aliyun_v4_request";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final String region;
    private final String product;

    /**
     * @param region plain region id such as {@code cn-hangzhou} (not {@code oss-cn-hangzhou})
     */
    public OssV4Signer(String region) {
        this(region, "oss");
    }

    /** @param product {@code oss}, or {@code oss-cloudbox} for CloudBox */
    public OssV4Signer(String region, String product) {
        this.region = requireText(region, "region");
        this.product = requireText(product, "product");
        if (region.startsWith("oss-")) {
            throw new IllegalArgumentException("V4 region must be the plain region id such as 'cn-hangzhou', was '"
                    + region + "'");
        }
    }

    public String region() {
        return region;
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, the format of {@code x-oss-date}. */
    public static String formatDateTime(Instant time) {
        return DATE_TIME.format(time);
    }

    /** {@code <accessKeyId>/<yyyymmdd>/<region>/<product>/aliyun_v4_request}. */
    public String credential(String accessKeyId, Instant signingTime) {
        return accessKeyId + '/' + scope(signingTime);
    }

    @Override
    public void signHeaders(SignableRequest request, OssCredentials credentials, Instant signingTime) {
        request.header("x-oss-date", formatDateTime(signingTime));
        if (request.header(V4Canonicalizer.CONTENT_SHA256) == null) {
            request.header(V4Canonicalizer.CONTENT_SHA256, V4Canonicalizer.UNSIGNED_PAYLOAD);
        }
        credentials.securityToken().ifPresent(token -> request.header("x-oss-security-token", token));

        Set<String> additional = V4Canonicalizer.resolveAdditionalHeaders(request);
        String canonicalRequest = V4Canonicalizer.canonicalRequest(request, request.queryParams(), additional);
        String signature = signature(credentials, signingTime, canonicalRequest);

        StringBuilder authorization = new StringBuilder(ALGORITHM).append(" Credential=")
                .append(credential(credentials.accessKeyId(), signingTime));
        if (!additional.isEmpty()) {
            authorization.append(",AdditionalHeaders=").append(String.join(";", additional));
        }
        authorization.append(",Signature=").append(signature);
        request.header("Authorization", authorization.toString());
    }

    @Override
    public List<QueryParam> presign(SignableRequest request, OssCredentials credentials, Instant signingTime,
            Duration validity) {
        long expires = validity.getSeconds();
        if (expires < 1 || expires > MAX_EXPIRES_SECONDS || validity.getNano() != 0) {
            throw new IllegalArgumentException("x-oss-expires must be a whole number of seconds between 1 and "
                    + MAX_EXPIRES_SECONDS + " (7 days), was " + validity);
        }
        Set<String> additional = V4Canonicalizer.resolveAdditionalHeaders(request);

        List<QueryParam> added = new ArrayList<>();
        added.add(QueryParam.of("x-oss-signature-version", ALGORITHM));
        added.add(QueryParam.of("x-oss-date", formatDateTime(signingTime)));
        added.add(QueryParam.of("x-oss-expires", Long.toString(expires)));
        added.add(QueryParam.of("x-oss-credential", credential(credentials.accessKeyId(), signingTime)));
        if (!additional.isEmpty()) {
            added.add(QueryParam.of("x-oss-additional-headers", String.join(";", additional)));
        }
        credentials.securityToken().ifPresent(token -> added.add(QueryParam.of("x-oss-security-token", token)));

        List<QueryParam> signedQuery = new ArrayList<>(request.queryParams());
        signedQuery.addAll(added);
        String canonicalRequest = V4Canonicalizer.canonicalRequest(request, signedQuery, additional);
        added.add(QueryParam.of("x-oss-signature", signature(credentials, signingTime, canonicalRequest)));
        return added;
    }

    @Override
    public Map<String, String> postPolicyConditions(OssCredentials credentials, Instant signingTime) {
        Map<String, String> conditions = new LinkedHashMap<>();
        conditions.put("x-oss-signature-version", ALGORITHM);
        conditions.put("x-oss-credential", credential(credentials.accessKeyId(), signingTime));
        conditions.put("x-oss-date", formatDateTime(signingTime));
        credentials.securityToken().ifPresent(token -> conditions.put("x-oss-security-token", token));
        return conditions;
    }

    @Override
    public String postObjectSignatureField() {
        return "x-oss-signature";
    }

    @Override
    public String signPostPolicy(String base64Policy, OssCredentials credentials, Instant signingTime) {
        return SigningCrypto.hex(SigningCrypto.hmacSha256(signingKey(credentials.accessKeySecret(), signingTime),
                base64Policy));
    }

    /** The string to sign for a canonical request (exposed for diagnostics and tests). */
    String stringToSign(String canonicalRequest, Instant signingTime) {
        return ALGORITHM + '\n' + formatDateTime(signingTime) + '\n' + scope(signingTime) + '\n'
                + SigningCrypto.sha256Hex(canonicalRequest);
    }

    private String signature(OssCredentials credentials, Instant signingTime, String canonicalRequest) {
        byte[] key = signingKey(credentials.accessKeySecret(), signingTime);
        return SigningCrypto.hex(SigningCrypto.hmacSha256(key, stringToSign(canonicalRequest, signingTime)));
    }

    private byte[] signingKey(String secret, Instant signingTime) {
        byte[] key = ("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8);
        key = SigningCrypto.hmacSha256(key, DATE.format(signingTime));
        key = SigningCrypto.hmacSha256(key, region);
        key = SigningCrypto.hmacSha256(key, product);
        return SigningCrypto.hmacSha256(key, TERMINATOR);
    }

    private String scope(Instant signingTime) {
        return DATE.format(signingTime) + '/' + region + '/' + product + '/' + TERMINATOR;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("V4 signing needs a non-blank " + name);
        }
        return value;
    }
}
