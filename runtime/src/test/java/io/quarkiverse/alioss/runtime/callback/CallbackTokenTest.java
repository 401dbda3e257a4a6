package io.quarkiverse.alioss.runtime.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.runtime.callback.CallbackToken.Failure;

class CallbackTokenTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final long EXPIRY = NOW.getEpochSecond() + 600;

    final CallbackToken tokens = new CallbackToken(SECRET);
    final Map<String, String> vars = Map.of("x:user", "42", "x:order_id", "A-7");

    @Test
    void issuedTokenChecksForSameNameVarsAndTime() {
        String token = tokens.issue("avatar", EXPIRY, vars);

        assertThat(token).matches("v1\\.\\d+\\.[A-Za-z0-9_-]{43}");
        // order of the map does not matter
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("x:order_id", "A-7");
        reordered.put("x:user", "42");
        assertThatCode(() -> tokens.check("avatar", token, reordered, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> tokens.check("avatar", token, vars, Instant.ofEpochSecond(EXPIRY)))
                .doesNotThrowAnyException();
    }

    @Test
    void editedVariableValueIsAMismatch() {
        String token = tokens.issue("avatar", EXPIRY, vars);
        assertFailure(() -> tokens.check("avatar", token, Map.of("x:user", "43", "x:order_id", "A-7"), NOW),
                Failure.MISMATCH);
    }

    @Test
    void droppedOrAddedVariableIsAMismatch() {
        String token = tokens.issue("avatar", EXPIRY, vars);
        assertFailure(() -> tokens.check("avatar", token, Map.of("x:user", "42"), NOW), Failure.MISMATCH);
        Map<String, String> more = new HashMap<>(vars);
        more.put("x:admin", "true");
        assertFailure(() -> tokens.check("avatar", token, more, NOW), Failure.MISMATCH);
        assertFailure(() -> tokens.check("avatar", token, Map.of("x:user", "42", "x:order_id", ""), NOW),
                Failure.MISMATCH);
    }

    /** OSS renders an empty x: value as null in a JSON body: a token issued for "" must accept it, and only it. */
    @Test
    void emptyValueMatchesNullButNotAValue() {
        String token = tokens.issue("avatar", EXPIRY, Map.of("x:user", "42", "x:order_id", ""));
        Map<String, String> asJsonNull = new HashMap<>();
        asJsonNull.put("x:user", "42");
        asJsonNull.put("x:order_id", null);
        tokens.check("avatar", token, asJsonNull, NOW);
        tokens.check("avatar", token, Map.of("x:user", "42", "x:order_id", ""), NOW);
        assertFailure(() -> tokens.check("avatar", token, Map.of("x:user", "42", "x:order_id", "A-7"), NOW),
                Failure.MISMATCH);
    }

    @Test
    void encodingIsUnambiguous() {
        // With plain concatenation "ab"+"c" and "a"+"bc" would collide.
        String token = tokens.issue("cb", EXPIRY, Map.of("x:a", "bc"));
        assertFailure(() -> tokens.check("cb", token, Map.of("x:ab", "c"), NOW), Failure.MISMATCH);
        String named = tokens.issue("cbx:a", EXPIRY, Map.of());
        assertFailure(() -> tokens.check("cb", named, Map.of("x:a", ""), NOW), Failure.MISMATCH);
    }

    @Test
    void otherCallbackNameIsAMismatch() {
        String token = tokens.issue("avatar", EXPIRY, vars);
        assertFailure(() -> tokens.check("invoice", token, vars, NOW), Failure.MISMATCH);
    }

    @Test
    void otherSecretIsAMismatch() {
        String token = new CallbackToken("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.US_ASCII))
                .issue("avatar", EXPIRY, vars);
        assertFailure(() -> tokens.check("avatar", token, vars, NOW), Failure.MISMATCH);
    }

    @Test
    void expiredTokenIsExpired() {
        String token = tokens.issue("avatar", EXPIRY, vars);
        assertFailure(() -> tokens.check("avatar", token, vars, Instant.ofEpochSecond(EXPIRY + 1)), Failure.EXPIRED);
    }

    @Test
    void extendedExpiryIsAMismatchNotAnExtension() {
        String token = tokens.issue("avatar", EXPIRY, vars);
        String forged = token.replace("." + EXPIRY + ".", "." + (EXPIRY + 3600) + ".");
        assertFailure(() -> tokens.check("avatar", forged, vars, Instant.ofEpochSecond(EXPIRY + 10)),
                Failure.MISMATCH);
    }

    @Test
    void tamperedMacIsAMismatch() {
        String token = tokens.issue("avatar", EXPIRY, vars);
        int macStart = token.lastIndexOf('.') + 1;
        byte[] mac = Base64.getUrlDecoder().decode(token.substring(macStart));
        mac[5] ^= 1;
        String tampered = token.substring(0, macStart) + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
        assertFailure(() -> tokens.check("avatar", tampered, vars, NOW), Failure.MISMATCH);
    }

    @Test
    void missingAndMalformedTokens() {
        assertFailure(() -> tokens.check("avatar", null, vars, NOW), Failure.MISSING);
        assertFailure(() -> tokens.check("avatar", "", vars, NOW), Failure.MISSING);
        assertFailure(() -> tokens.check("avatar", "v2.1.abc", vars, NOW), Failure.MALFORMED);
        assertFailure(() -> tokens.check("avatar", "v1.soon.abc", vars, NOW), Failure.MALFORMED);
        assertFailure(() -> tokens.check("avatar", "v1.1.a*b", vars, NOW), Failure.MALFORMED);
        assertFailure(() -> tokens.check("avatar", "v1.1.AAAA", vars, NOW), Failure.MALFORMED);
        assertFailure(() -> tokens.check("avatar", "v1.1", vars, NOW), Failure.MALFORMED);
    }

    @Test
    void messagesNeverContainTheToken() {
        String token = tokens.issue("avatar", EXPIRY, vars);
        assertThatThrownBy(() -> tokens.check("avatar", token, Map.of(), NOW))
                .hasMessageNotContaining(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void tokenIsFoundInTheRawQuery() {
        assertThat(CallbackToken.fromQuery("a=1&oss-cb-token=v1.2.xyz&b=2")).isEqualTo("v1.2.xyz");
        assertThat(CallbackToken.fromQuery("a=1")).isNull();
        assertThat(CallbackToken.fromQuery(null)).isNull();
        assertThat(CallbackToken.fromQuery("oss-cb-token=v1.2.x&oss-cb-token=v1.2.y")).isEmpty();
    }

    @Test
    void shortSecretIsRefused() {
        assertThatThrownBy(() -> new CallbackToken(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32");
    }

    static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Failure failure) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackToken.TokenException.class,
                e -> assertThat(e.failure()).isEqualTo(failure));
    }
}
