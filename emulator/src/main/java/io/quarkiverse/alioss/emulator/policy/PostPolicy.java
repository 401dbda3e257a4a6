package io.quarkiverse.alioss.emulator.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a PostObject policy (Base64 JSON {@code {"expiration":"ISO-8601","conditions":[...]}}) against the form
 * fields and the file size; throws {@link PostPolicyViolation} (with the OSS code, e.g. AccessDenied, and message)
 * when expired, malformed, or a condition is not met.
 */
public final class PostPolicy {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Instant expiration;
    private final List<PolicyCondition> conditions;

    private PostPolicy(Instant expiration, List<PolicyCondition> conditions) {
        this.expiration = expiration;
        this.conditions = conditions;
    }

    /** @throws PostPolicyViolation with code InvalidPolicyDocument (400) when the policy cannot be understood */
    public static PostPolicy parse(String policyBase64) {
        JsonNode root;
        try {
            byte[] json = Base64.getDecoder().decode(policyBase64 == null ? "" : policyBase64.trim());
            root = MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw PostPolicyViolation.invalidDocument("Invalid Policy: the policy is not Base64 encoded.");
        } catch (IOException e) {
            throw PostPolicyViolation.invalidDocument("Invalid Policy: Invalid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw PostPolicyViolation.invalidDocument("Invalid Policy: Invalid JSON.");
        }
        JsonNode expirationNode = root.get("expiration");
        if (expirationNode == null || !expirationNode.isTextual()) {
            throw PostPolicyViolation.invalidDocument("Invalid Policy: Policy missing expiration.");
        }
        Instant expiration = parseExpiration(expirationNode.textValue());
        JsonNode conditionsNode = root.get("conditions");
        if (conditionsNode == null || !conditionsNode.isArray()) {
            throw PostPolicyViolation.invalidDocument("Invalid Policy: Policy missing conditions.");
        }
        List<PolicyCondition> conditions = new ArrayList<>();
        conditionsNode.forEach(node -> conditions.add(PolicyCondition.parse(node)));
        return new PostPolicy(expiration, List.copyOf(conditions));
    }

    private static Instant parseExpiration(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw PostPolicyViolation.invalidDocument(
                    "Invalid Policy: Invalid 'expiration' value: '" + text + "' is not an ISO-8601 date-time.");
        }
    }

    public Instant expiration() {
        return expiration;
    }

    /**
     * @param formFieldsLowercasedNames the form fields (names are lowercased again here, so any case works); put the
     *        target bucket under {@code bucket} so that {@code {"bucket":...}} conditions can match, or use
     *        {@link #check(Map, long, Instant, String)}
     * @throws PostPolicyViolation AccessDenied (403) when expired or a condition fails; EntityTooSmall/EntityTooLarge
     *         (400) when the file is outside content-length-range
     */
    public void check(Map<String, String> formFieldsLowercasedNames, long fileSize, Instant now) {
        if (!now.isBefore(expiration)) {
            throw PostPolicyViolation.accessDenied("Invalid according to Policy: Policy expired.");
        }
        Map<String, String> fields = new HashMap<>();
        formFieldsLowercasedNames.forEach((name, value) -> fields.put(name.toLowerCase(Locale.ROOT), value));
        for (PolicyCondition condition : conditions) {
            condition.check(fields, fileSize);
        }
    }

    /** As {@link #check(Map, long, Instant)}, with the bucket the upload goes to (it is not a form field). */
    public void check(Map<String, String> formFields, long fileSize, Instant now, String bucket) {
        Map<String, String> withBucket = new HashMap<>(formFields);
        withBucket.put("bucket", bucket);
        check(withBucket, fileSize, now);
    }
}
