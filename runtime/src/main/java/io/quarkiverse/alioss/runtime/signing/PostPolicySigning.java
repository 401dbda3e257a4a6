package io.quarkiverse.alioss.runtime.signing;

import java.time.Instant;
import java.util.Map;

import io.quarkiverse.alioss.credentials.OssCredentials;

/**
 * One PostObject policy being signed: the conditions to write into the policy and the form fields for the finished
 * policy come from the same signer, credentials and signing time.
 */
public record PostPolicySigning(OssRequestSigner signer, OssCredentials credentials, Instant signingTime) {

    /** Conditions this signature version requires in the policy, as name → exact value. */
    public Map<String, String> conditions() {
        return signer.postPolicyConditions(credentials, signingTime);
    }

    /** The form fields for the finished policy JSON, {@code policy} and signature included. */
    public Map<String, String> formFields(byte[] policyJson) {
        return signer.postObjectFields(policyJson, credentials, signingTime);
    }
}
