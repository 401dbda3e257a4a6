package io.quarkiverse.alioss.runtime.callback.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.alioss.runtime.callback.token.CallbackToken.Binding;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken.Failure;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken.Presented;

class CallbackTokenTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final long EXPIRY = NOW.getEpochSecond() + 600;

    final CallbackToken tokens = new CallbackToken(SECRET, new SecureRandom());
    final Map<String, String> vars = Map.of("x:user", "42", "x:order_id", "A-7");

    private String issue(String key, boolean prefix, boolean confirm, Map<String, String> values) {
        return tokens.issue(new Binding("avatar", "photos", key, prefix, confirm, values), EXPIRY);
    }

    private void check(String token, String bucket, String object, Map<String, String> values, Instant now) {
        tokens.check(CallbackToken.parse(token), "avatar", bucket, object, values, now);
    }

    @Test
    void issuedTokenChecksForTheSameCallbackBucketObjectAndVars() {
        String token = issue("a/b.png", false, false, vars);

        assertThat(token).matches("v2\\.\\d+\\.k\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]{43}");
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("x:order_id", "A-7");
        reordered.put("x:user", "42");
        assertThatCode(() -> check(token, "photos", "a/b.png", reordered, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> check(token, "photos", "a/b.png", vars, Instant.ofEpochSecond(EXPIRY)))
                .doesNotThrowAnyException();
    }

    @Test
    void everyTokenIsDifferentSoEachCanBeUsedOnce() {
        String first = issue("a/b.png", false, false, vars);
        String second = issue("a/b.png", false, false, vars);
        assertThat(first).isNotEqualTo(second);
        assertThat(CallbackToken.parse(first).id()).isNotEqualTo(CallbackToken.parse(second).id());
    }

    @Test
    void anotherBucketOrObjectIsAMismatch() {
        String token = issue("a/b.png", false, false, vars);
        assertFailure(() -> check(token, "other-bucket", "a/b.png", vars, NOW), Failure.MISMATCH);
        assertFailure(() -> check(token, "photos", "a/c.png", vars, NOW), Failure.MISMATCH);
        assertFailure(() -> check(token, "photos", "a/b.png.exe", vars, NOW), Failure.MISMATCH);
        assertFailure(() -> check(token, "photos", null, vars, NOW), Failure.MISMATCH);
        assertFailure(() -> check(token, null, "a/b.png", vars, NOW), Failure.MISMATCH);
    }

    @Test
    void prefixTokenAcceptsKeysUnderThePrefixOnly() {
        String token = issue("uploads/7/", true, true, vars);
        Presented presented = CallbackToken.parse(token);

        assertThat(token).contains(".P10.");
        assertThat(presented.confirm()).isTrue();
        assertThat(presented.prefixLength()).isEqualTo(10);
        assertThatCode(() -> check(token, "photos", "uploads/7/cat.png", vars, NOW)).doesNotThrowAnyException();
        assertFailure(() -> check(token, "photos", "uploads/8/cat.png", vars, NOW), Failure.MISMATCH);
        assertFailure(() -> check(token, "photos", "uploads/", vars, NOW), Failure.MISMATCH);
    }

    @Test
    void confirmationFlagIsBoundByTheMac() {
        String confirmed = issue("a/b.png", false, true, vars);
        assertThat(CallbackToken.parse(confirmed).confirm()).isTrue();
        // dropping the confirmation by editing the mode breaks the MAC
        String edited = confirmed.replace(".K.", ".k.");
        assertThat(CallbackToken.parse(edited).confirm()).isFalse();
        assertFailure(() -> check(edited, "photos", "a/b.png", vars, NOW), Failure.MISMATCH);
        // so does turning an exact-key token into a prefix token
        String asPrefix = issue("a/b.png", false, false, vars).replace(".k.", ".p2.");
        assertFailure(() -> check(asPrefix, "photos", "a/b.png", vars, NOW), Failure.MISMATCH);
    }

    @Test
    void editedDroppedOrAddedVariableIsAMismatch() {
        String token = issue("k", false, false, vars);
        assertFailure(() -> check(token, "photos", "k", Map.of("x:user", "43", "x:order_id", "A-7"), NOW),
                Failure.MISMATCH);
        assertFailure(() -> check(token, "photos", "k", Map.of("x:user", "42"), NOW), Failure.MISMATCH);
        Map<String, String> more = new HashMap<>(vars);
        more.put("x:admin", "true");
        assertFailure(() -> check(token, "photos", "k", more, NOW), Failure.MISMATCH);
    }

    /** OSS renders an empty x: value as null in a JSON body: a token issued for "" must accept it, and only it. */
    @Test
    void emptyValueMatchesNullButNotAValue() {
        String token = issue("k", false, false, Map.of("x:user", "42", "x:order_id", ""));
        Map<String, String> asJsonNull = new HashMap<>();
        asJsonNull.put("x:user", "42");
        asJsonNull.put("x:order_id", null);
        check(token, "photos", "k", asJsonNull, NOW);
        assertFailure(() -> check(token, "photos", "k", Map.of("x:user", "42", "x:order_id", "A-7"), NOW),
                Failure.MISMATCH);
    }

    @Test
    void encodingIsUnambiguous() {
        // with plain concatenation "ab"+"c" and "a"+"bc" would collide
        String token = issue("k", false, false, Map.of("x:a", "bc"));
        assertFailure(() -> check(token, "photos", "k", Map.of("x:ab", "c"), NOW), Failure.MISMATCH);
        String bucketAndKey = tokens.issue(new Binding("avatar", "ph", "otosk", false, false, Map.of()), EXPIRY);
        assertFailure(() -> check(bucketAndKey, "photos", "k", Map.of(), NOW), Failure.MISMATCH);
    }

    /** A lone surrogate would encode as '?' with String.getBytes and match a token issued for a real '?'. */
    @Test
    void textThatIsNotUnicodeIsRefusedNotReplaced() {
        String token = issue("k", false, false, Map.of("x:user", "a?b"));
        assertFailure(() -> check(token, "photos", "k", Map.of("x:user", "a\ud800b"), NOW), Failure.MISMATCH);
        assertThatThrownBy(() -> issue("k", false, false, Map.of("x:user", "a\ud800b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiryIsCheckedAfterTheMac() {
        String token = issue("k", false, false, vars);
        assertFailure(() -> check(token, "photos", "k", vars, Instant.ofEpochSecond(EXPIRY + 1)), Failure.EXPIRED);
        // a later expiry written into the token breaks the MAC
        String extended = token.replace("v2." + EXPIRY + ".", "v2." + (EXPIRY + 3600) + ".");
        assertFailure(() -> check(extended, "photos", "k", vars, Instant.ofEpochSecond(EXPIRY + 1)),
                Failure.MISMATCH);
    }

    @Test
    void anotherSecretOrNameIsAMismatch() {
        String token = issue("k", false, false, vars);
        CallbackToken other = new CallbackToken("another-secret-with-at-least-32-bytes!".getBytes(
                StandardCharsets.US_ASCII), new SecureRandom());
        assertFailure(() -> other.check(CallbackToken.parse(token), "avatar", "photos", "k", vars, NOW),
                Failure.MISMATCH);
        assertFailure(() -> tokens.check(CallbackToken.parse(token), "banner", "photos", "k", vars, NOW),
                Failure.MISMATCH);
    }

    /** One token, one spelling: every variant that a lenient parser would read as the same token is refused. */
    @ParameterizedTest
    @ValueSource(strings = { "v1.{e}.k.{n}.{m}", "v2.+{e}.k.{n}.{m}", "v2.0{e}.k.{n}.{m}", "v2.{e}.K1.{n}.{m}",
            "v2.{e}.p.{n}.{m}", "v2.{e}.p01.{n}.{m}", "v2.{e}.x.{n}.{m}", "v2.{e}.k.{n}=.{m}", "v2.{e}.k.{n}.{m}=",
            "v2.{e}.k.{n}.{m}A", "v2.{e}.k.{n}", "v2.{e}.k.{n}.{m}.", "v2.{e}.k.{n}.{m}%3D", "v2.-{e}.k.{n}.{m}",
            "v2.99999999999999999999.k.{n}.{m}", "v2.{e}.p9999.{n}.{m}", "v2.{e}.k.{n}.{mslash}" })
    void nonCanonicalSpellingsAreMalformed(String pattern) {
        Presented genuine = CallbackToken.parse(issue("k", false, false, vars));
        String nonce = issue("k", false, false, vars).split("\\.")[3];
        String mac = genuine.id();
        String text = pattern.replace("{e}", Long.toString(genuine.expiry())).replace("{n}", nonce)
                .replace("{mslash}", "+" + mac.substring(1)).replace("{m}", mac);
        assertFailure(() -> CallbackToken.parse(text), Failure.MALFORMED);
    }

    /** Base64url's last character carries unused bits: a variant with them set decodes to the same MAC. */
    @Test
    void macWithNonZeroUnusedBitsIsMalformed() {
        String token = issue("k", false, false, vars);
        String mac = token.substring(token.lastIndexOf('.') + 1);
        char last = mac.charAt(mac.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sibling = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        String variant = token.substring(0, token.length() - 1) + sibling;
        assertFailure(() -> CallbackToken.parse(variant), Failure.MALFORMED);
    }

    @Test
    void missingOrEmptyTokenIsMissing() {
        assertFailure(() -> CallbackToken.parse(null), Failure.MISSING);
        assertFailure(() -> CallbackToken.parse(""), Failure.MISSING);
    }

    @Test
    void tokenIsReadFromTheQueryOnlyWhenItIsThereOnce() {
        assertThat(CallbackToken.fromQuery("a=1&oss-cb-token=v2.x&b=2")).isEqualTo("v2.x");
        assertThat(CallbackToken.fromQuery("a=1")).isNull();
        assertThat(CallbackToken.fromQuery(null)).isNull();
        assertThat(CallbackToken.fromQuery("oss-cb-token=v2.a&oss-cb-token=v2.b")).isEmpty();
    }

    @Test
    void messagesNeverContainTheToken() {
        String token = issue("k", false, false, vars);
        assertThatThrownBy(() -> check(token, "photos", "other", vars, NOW))
                .hasMessageNotContaining(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void shortSecretIsRefused() {
        assertThatThrownBy(() -> new CallbackToken(new byte[31], new SecureRandom()))
                .hasMessageContaining("at least 32 bytes");
    }

    private static void assertFailure(Runnable check, Failure failure) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(CallbackToken.TokenException.class,
                e -> assertThat(e.failure()).isEqualTo(failure));
    }
}
