package io.quarkiverse.alioss.runtime.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.alioss.credentials.OssCredentials;

/**
 * Signature V1 (HMAC-SHA1) for header authentication, presigned URLs and PostObject policies (protocol reference
 * §6.6). Kept for endpoints and tools that do not speak V4.
 */
public final class OssV1Signer implements OssRequestSigner {

    /**
     * Sets {@code Date} to the signing time (the string to sign uses {@code x-oss-date} instead when the request carries
     * one), {@code x-oss-security-token} for STS, and {@code Authorization: OSS <ak>:<signature>}.
     */
    @Override
    public void signHeaders(SignableRequest request, OssCredentials credentials, Instant signingTime) {
        request.header("Date", HttpDate.format(signingTime));
        credentials.securityToken().ifPresent(token -> request.header("x-oss-security-token", token));
        String ossDate = request.header("x-oss-date");
        String dateLine = ossDate != null ? ossDate.trim() : request.header("Date");
        String stringToSign = V1Canonicalizer.stringToSign(request, request.queryParams(), dateLine);
        request.header("Authorization", "OSS " + credentials.accessKeyId() + ':' + sign(credentials, stringToSign));
    }

    /** Presigns until {@code signingTime + validity} ({@code Expires} is an absolute time in V1). */
    @Override
    public List<QueryParam> presign(SignableRequest request, OssCredentials credentials, Instant signingTime,
            Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("Presigned URL validity must be positive, was " + validity);
        }
        return presignUntil(request, credentials, signingTime.plus(validity));
    }

    /** Presigns with an absolute expiry: {@code Expires} is its epoch second. */
    public List<QueryParam> presignUntil(SignableRequest request, OssCredentials credentials, Instant expiresAt) {
        String expires = Long.toString(expiresAt.getEpochSecond());
        List<QueryParam> added = new ArrayList<>();
        credentials.securityToken().ifPresent(token -> added.add(QueryParam.of("security-token", token)));

        List<QueryParam> signedQuery = new ArrayList<>(request.queryParams());
        signedQuery.addAll(added);
        String stringToSign = V1Canonicalizer.stringToSign(request, signedQuery, expires);

        added.add(QueryParam.of("Expires", expires));
        added.add(QueryParam.of("OSSAccessKeyId", credentials.accessKeyId()));
        added.add(QueryParam.of("Signature", sign(credentials, stringToSign)));
        return added;
    }

    @Override
    public Map<String, String> postPolicyConditions(OssCredentials credentials, Instant signingTime) {
        Map<String, String> conditions = new LinkedHashMap<>();
        credentials.securityToken().ifPresent(token -> conditions.put("x-oss-security-token", token));
        return conditions;
    }

    /** V1 names the access key in the form: {@code OSSAccessKeyId}. */
    @Override
    public Map<String, String> postObjectIdentityFields(OssCredentials credentials) {
        return Map.of("OSSAccessKeyId", credentials.accessKeyId());
    }

    @Override
    public String postObjectSignatureField() {
        return "Signature";
    }

    @Override
    public String signPostPolicy(String base64Policy, OssCredentials credentials, Instant signingTime) {
        return sign(credentials, base64Policy);
    }

    private static String sign(OssCredentials credentials, String stringToSign) {
        return Base64.getEncoder().encodeToString(SigningCrypto.hmacSha1(credentials.accessKeySecret(), stringToSign));
    }
}
