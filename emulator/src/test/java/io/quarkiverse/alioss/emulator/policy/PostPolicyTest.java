package io.quarkiverse.alioss.emulator.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static PostPolicy policy(String conditions) {
        return policyJson("{\"expiration\":\"2026-11-25T13:00:00.000Z\",\"conditions\":" + conditions + "}");
    }

    static PostPolicy policyJson(String json) {
        return PostPolicy.parse(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    static PostPolicyViolation violation(Runnable action) {
        try {
            action.run();
        } catch (PostPolicyViolation e) {
            return e;
        }
        throw new AssertionError("expected a PostPolicyViolation");
    }

    static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void acceptsTheOfficialSampleShape() {
        PostPolicy policy = policy("[{\"bucket\":\"examplebucket\"},{\"x-oss-signature-version\":\"OSS4-HMAC-SHA256\"},"
                + "[\"content-length-range\",1,1024],[\"starts-with\",\"$key\",\"user/\"],[\"eq\",\"$x:uid\",\"7\"]]");
        assertThatCode(() -> policy.check(fields("key", "user/a.png", "x-oss-signature-version", "OSS4-HMAC-SHA256",
                "x:uid", "7"), 10, NOW, "examplebucket")).doesNotThrowAnyException();
        assertThat(policy.expiration()).isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
    }

    @Test
    void expiredPolicyIsAccessDenied() {
        PostPolicyViolation e = violation(() -> policy("[]").check(Map.of(), 1, Instant.parse("2026-11-25T13:00:00Z")));
        assertThat(e.ossCode()).isEqualTo("AccessDenied");
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("Invalid according to Policy: Policy expired.");
    }

    @Test
    void expirationMayCarryAnOffset() {
        PostPolicy policy = policyJson("{\"expiration\":\"2026-11-25T20:30:00+08:00\",\"conditions\":[]}");
        assertThat(policy.expiration()).isEqualTo(Instant.parse("2026-11-25T12:30:00Z"));
    }

    @Test
    void contentLengthRangeIsInclusiveWithEntityTooSmallAndTooLarge() {
        PostPolicy policy = policy("[[\"content-length-range\",10,20]]");
        assertThatCode(() -> policy.check(Map.of(), 10, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(Map.of(), 20, NOW)).doesNotThrowAnyException();
        PostPolicyViolation small = violation(() -> policy.check(Map.of(), 9, NOW));
        assertThat(small.ossCode()).isEqualTo("EntityTooSmall");
        assertThat(small.httpStatus()).isEqualTo(400);
        assertThat(small.getMessage()).isEqualTo("Your proposed upload smaller than the minimum allowed size.");
        PostPolicyViolation large = violation(() -> policy.check(Map.of(), 21, NOW));
        assertThat(large.ossCode()).isEqualTo("EntityTooLarge");
        assertThat(large.getMessage()).isEqualTo("Your proposed upload exceeds the maximum allowed size.");
    }

    @Test
    void startsWithOnKeyAndOnCustomFields() {
        PostPolicy policy = policy("[[\"starts-with\",\"$key\",\"user/\"],[\"starts-with\",\"$x:tag\",\"t-\"]]");
        assertThatCode(() -> policy.check(fields("key", "user/1", "x:tag", "t-1"), 1, NOW)).doesNotThrowAnyException();
        PostPolicyViolation e = violation(() -> policy.check(fields("key", "other/1", "x:tag", "t-1"), 1, NOW));
        assertThat(e.ossCode()).isEqualTo("AccessDenied");
        assertThat(e.getMessage())
                .isEqualTo("Invalid according to Policy: Policy Condition failed: [\"starts-with\",\"$key\",\"user/\"]");
        assertThat(violation(() -> policy.check(fields("key", "user/1", "x:tag", "x-1"), 1, NOW)).getMessage())
                .contains("$x:tag");
        assertThat(violation(() -> policy.check(fields("key", "user/1"), 1, NOW)).getMessage())
                .as("absent field").contains("$x:tag");
    }

    @Test
    void emptyStartsWithAcceptsAnything() {
        PostPolicy policy = policy("[[\"starts-with\",\"$content-type\",\"\"]]");
        assertThatCode(() -> policy.check(fields("content-type", "image/png"), 1, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(Map.of(), 1, NOW)).doesNotThrowAnyException();
    }

    @Test
    void exactMatchInBothForms() {
        PostPolicy policy = policy("[{\"x:uid\":\"7\"},[\"eq\",\"$success_action_status\",\"201\"]]");
        assertThatCode(() -> policy.check(fields("x:uid", "7", "success_action_status", "201"), 1, NOW))
                .doesNotThrowAnyException();
        assertThat(violation(() -> policy.check(fields("x:uid", "8", "success_action_status", "201"), 1, NOW))
                .getMessage()).isEqualTo("Invalid according to Policy: Policy Condition failed: {\"x:uid\":\"7\"}");
        assertThat(violation(() -> policy.check(fields("x:uid", "7", "success_action_status", "200"), 1, NOW))
                .getMessage()).contains("[\"eq\",\"$success_action_status\",\"201\"]");
        assertThat(violation(() -> policy.check(fields("success_action_status", "201"), 1, NOW)).ossCode())
                .as("absent field").isEqualTo("AccessDenied");
    }

    @Test
    void bucketConditionMatchesTheTargetBucket() {
        PostPolicy policy = policy("[{\"bucket\":\"examplebucket\"}]");
        assertThatCode(() -> policy.check(Map.of(), 1, NOW, "examplebucket")).doesNotThrowAnyException();
        assertThat(violation(() -> policy.check(Map.of(), 1, NOW, "otherbucket")).ossCode()).isEqualTo("AccessDenied");
    }

    @Test
    void fieldNamesMatchCaseInsensitively() {
        PostPolicy policy = policy("[[\"eq\",\"$Content-Type\",\"image/png\"],{\"X:UID\":\"7\"}]");
        assertThatCode(() -> policy.check(fields("CONTENT-TYPE", "image/png", "x:uid", "7"), 1, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void valuesMatchCaseSensitively() {
        PostPolicy policy = policy("[[\"eq\",\"$key\",\"A.png\"]]");
        assertThat(violation(() -> policy.check(fields("key", "a.png"), 1, NOW)).ossCode()).isEqualTo("AccessDenied");
    }

    @Test
    void inAndNotIn() {
        PostPolicy policy = policy("[[\"in\",\"$content-type\",[\"image/png\",\"image/jpeg\"]],"
                + "[\"not-in\",\"$cache-control\",[\"no-cache\"]]]");
        assertThatCode(() -> policy.check(fields("content-type", "image/png"), 1, NOW)).doesNotThrowAnyException();
        assertThat(violation(() -> policy.check(fields("content-type", "text/html"), 1, NOW)).getMessage())
                .contains("\"in\"");
        assertThat(violation(() -> policy.check(fields("content-type", "image/png", "cache-control", "no-cache"), 1,
                NOW)).getMessage()).contains("\"not-in\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "not json", "[]", "{\"conditions\":[]}", "{\"expiration\":\"tomorrow\",\"conditions\":[]}",
            "{\"expiration\":\"2026-11-25T13:00:00Z\"}", "{\"expiration\":\"2026-11-25T13:00:00Z\",\"conditions\":{}}",
            "{\"expiration\":\"2026-11-25T13:00:00Z\",\"conditions\":[[\"matches\",\"$key\",\"x\"]]}",
            "{\"expiration\":\"2026-11-25T13:00:00Z\",\"conditions\":[[\"eq\",\"key\",\"x\"]]}",
            "{\"expiration\":\"2026-11-25T13:00:00Z\",\"conditions\":[[\"content-length-range\",\"a\",5]]}",
            "{\"expiration\":\"2026-11-25T13:00:00Z\",\"conditions\":[{\"a\":\"1\",\"b\":\"2\"}]}",
            "{\"expiration\":\"2026-11-25T13:00:00Z\",\"conditions\":[[\"eq\",\"$key\"]]}" })
    void malformedPoliciesAreInvalidPolicyDocument(String json) {
        PostPolicyViolation e = violation(() -> policyJson(json));
        assertThat(e.ossCode()).isEqualTo("InvalidPolicyDocument");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith("Invalid Policy: ");
    }

    @Test
    void policyThatIsNotBase64IsInvalidPolicyDocument() {
        PostPolicyViolation e = violation(() -> PostPolicy.parse("%%%"));
        assertThat(e.ossCode()).isEqualTo("InvalidPolicyDocument");
        assertThat(e.getMessage()).contains("Base64");
    }
}
