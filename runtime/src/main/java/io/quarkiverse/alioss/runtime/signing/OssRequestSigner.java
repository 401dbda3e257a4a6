package io.quarkiverse.alioss.runtime.signing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarkiverse.alioss.credentials.OssCredentials;

/**
 * Signs OSS requests in one signature version. The signing time is always passed in, so that callers decide the clock
 * (and tests are deterministic). Implementations are stateless and thread safe.
 */
public interface OssRequestSigner {

    /** Adds the authentication headers ({@code Authorization} and the headers it covers) to {@code request}. */
    void signHeaders(SignableRequest request, OssCredentials credentials, Instant signingTime);

    /**
     * Returns the query parameters (not encoded, in the order to append them) that turn {@code request} into a
     * presigned URL valid for {@code validity} from {@code signingTime}. The request itself is not changed; headers it
     * carries that are signed must be sent with the URL.
     */
    List<QueryParam> presign(SignableRequest request, OssCredentials credentials, Instant signingTime, Duration validity);

    /**
     * Policy conditions this version requires in a PostObject policy signed at {@code signingTime}, as name → exact
     * value (empty for V1). The caller puts them into the policy JSON before calling {@link #postObjectFields}.
     */
    Map<String, String> postPolicyConditions(OssCredentials credentials, Instant signingTime);

    /**
     * Form fields for a browser PostObject upload (in order, {@code policy} included) for the given policy JSON:
     * {@link #postObjectIdentityFields}, {@code policy}, the {@link #postPolicyConditions}, then the signature.
     * {@code key}, {@code callback}, {@code x:} variables and {@code file} are the caller's.
     */
    default Map<String, String> postObjectFields(byte[] policyJson, OssCredentials credentials, Instant signingTime) {
        Objects.requireNonNull(policyJson, "policyJson");
        String policy = Base64.getEncoder().encodeToString(policyJson);
        Map<String, String> fields = new LinkedHashMap<>(postObjectIdentityFields(credentials));
        fields.put("policy", policy);
        fields.putAll(postPolicyConditions(credentials, signingTime));
        fields.put(postObjectSignatureField(), signPostPolicy(policy, credentials, signingTime));
        return fields;
    }

    /** As {@link #postObjectFields(byte[], OssCredentials, Instant)} for a policy held as text (its UTF-8 bytes). */
    default Map<String, String> postObjectFields(String policyJson, OssCredentials credentials, Instant signingTime) {
        return postObjectFields(policyJson.getBytes(StandardCharsets.UTF_8), credentials, signingTime);
    }

    /** Fields that name the signer ahead of {@code policy} (V1's {@code OSSAccessKeyId}); none by default. */
    default Map<String, String> postObjectIdentityFields(OssCredentials credentials) {
        return Map.of();
    }

    /** Name of the form field that carries the policy's signature. */
    String postObjectSignatureField();

    /** The signature of the Base64 policy, as this version writes it into the form. */
    String signPostPolicy(String base64Policy, OssCredentials credentials, Instant signingTime);

    /** A PostObject policy signed at one time: its conditions and its form fields cannot disagree on the time. */
    default PostPolicySigning postPolicy(OssCredentials credentials, Instant signingTime) {
        return new PostPolicySigning(this, credentials, signingTime);
    }
}
