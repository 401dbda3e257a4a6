package io.quarkiverse.alioss.runtime.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.alioss.credentials.OssCredentials;

/** What must change a signature does change it, and what is out of range is refused with a message naming it. */
class SignerNegativeTest {

    static final Instant TIME = Instant.ofEpochSecond(1702743657);
    static final OssV4Signer V4 = new OssV4Signer("cn-hangzhou");
    static final OssV1Signer V1 = new OssV1Signer();

    static SignableRequest put(String key, String callback) {
        return SignableRequest.forObject("PUT", "bucket", key).header("Content-Type", "text/plain")
                .header("x-oss-callback", callback);
    }

    static String v4Auth(SignableRequest request, OssCredentials credentials) {
        V4.signHeaders(request, credentials, TIME);
        return request.header("Authorization");
    }

    static String v1Auth(SignableRequest request, OssCredentials credentials) {
        V1.signHeaders(request, credentials, TIME);
        return request.header("Authorization");
    }

    @Test
    void wrongSecretGivesADifferentSignature() {
        OssCredentials right = OssCredentials.of("ak", "sk");
        OssCredentials wrong = OssCredentials.of("ak", "sk2");

        assertThat(v4Auth(put("k", "cb"), wrong)).isNotEqualTo(v4Auth(put("k", "cb"), right));
        assertThat(v1Auth(put("k", "cb"), wrong)).isNotEqualTo(v1Auth(put("k", "cb"), right));
        assertThat(V4.presign(put("k", "cb"), wrong, TIME, Duration.ofMinutes(5)))
                .isNotEqualTo(V4.presign(put("k", "cb"), right, TIME, Duration.ofMinutes(5)));
        assertThat(V4.postObjectFields("{}", wrong, TIME)).isNotEqualTo(V4.postObjectFields("{}", right, TIME));
        assertThat(V1.postObjectFields("{}", wrong, TIME)).isNotEqualTo(V1.postObjectFields("{}", right, TIME));
    }

    @Test
    void changedKeyOrCallbackChangesTheSignature() {
        OssCredentials credentials = OssCredentials.of("ak", "sk");
        String original = v4Auth(put("k", "cb"), credentials);

        assertThat(v4Auth(put("k2", "cb"), credentials)).isNotEqualTo(original);
        assertThat(v4Auth(put("k", "cb-tampered"), credentials)).as("x-oss-callback must be signed")
                .isNotEqualTo(original);
        assertThat(v1Auth(put("k", "cb-tampered"), credentials)).isNotEqualTo(v1Auth(put("k", "cb"), credentials));
    }

    @Test
    void unsignedHeadersDoNotChangeTheSignature() {
        OssCredentials credentials = OssCredentials.of("ak", "sk");
        assertThat(v4Auth(put("k", "cb").header("User-Agent", "other"), credentials))
                .isEqualTo(v4Auth(put("k", "cb"), credentials));
    }

    @Test
    void signingTimeChangesScopeAndSignature() {
        OssCredentials credentials = OssCredentials.of("ak", "sk");
        SignableRequest nextDay = put("k", "cb");
        V4.signHeaders(nextDay, credentials, TIME.plus(Duration.ofDays(1)));

        assertThat(nextDay.header("Authorization")).contains("Credential=ak/20231217/")
                .isNotEqualTo(v4Auth(put("k", "cb"), credentials));
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -1, 604_801, 10_000_000 })
    void v4ExpiresOutOfRangeIsRejected(long seconds) {
        assertThatThrownBy(() -> V4.presign(put("k", "cb"), OssCredentials.of("ak", "sk"), TIME,
                Duration.ofSeconds(seconds)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x-oss-expires")
                .hasMessageContaining("between 1 and 604800");
    }

    @Test
    void v4ExpiresBoundsAreAccepted() {
        OssCredentials credentials = OssCredentials.of("ak", "sk");
        assertThat(V4.presign(put("k", "cb"), credentials, TIME, Duration.ofSeconds(1)))
                .contains(QueryParam.of("x-oss-expires", "1"));
        assertThat(V4.presign(put("k", "cb"), credentials, TIME, Duration.ofDays(7)))
                .contains(QueryParam.of("x-oss-expires", "604800"));
    }

    @Test
    void v4ExpiresWithFractionOfASecondIsRejected() {
        assertThatThrownBy(() -> V4.presign(put("k", "cb"), OssCredentials.of("ak", "sk"), TIME,
                Duration.ofMillis(1500))).hasMessageContaining("whole number of seconds");
    }

    @Test
    void v4RegionMustBeThePlainRegionId() {
        assertThatThrownBy(() -> new OssV4Signer("oss-cn-hangzhou")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region").hasMessageContaining("cn-hangzhou");
        assertThatThrownBy(() -> new OssV4Signer(" ")).hasMessageContaining("region");
    }

    @Test
    void keyWithoutBucketIsRejected() {
        assertThatThrownBy(() -> SignableRequest.forObject("GET", null, "k")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("bucket");
    }

    @Test
    void headerValuesMayNotBeNull() {
        assertThatThrownBy(() -> SignableRequest.forBucket("GET", "bucket").header("x-oss-meta-a", null))
                .hasMessageContaining("x-oss-meta-a");
    }

    @Test
    void headerNamesAreCaseInsensitiveAndTheLastSpellingWins() {
        SignableRequest request = SignableRequest.forBucket("GET", "bucket").header("content-type", "a").header("Content-Type",
                "b");
        assertThat(request.headers()).containsOnlyKeys("Content-Type");
        assertThat(request.header("CONTENT-TYPE")).isEqualTo("b");
    }

    @Test
    void presignedStsTokenIsInTheQueryNotAHeader() {
        SignableRequest request = put("k", "cb");
        List<QueryParam> added = V4.presign(request, OssCredentials.of("ak", "sk", "tok"), TIME, Duration.ofMinutes(1));

        assertThat(added).contains(QueryParam.of("x-oss-security-token", "tok"));
        assertThat(request.header("x-oss-security-token")).isNull();
    }

    @Test
    void presignedCallbackQueryParametersAreSignedInBothVersions() {
        OssCredentials credentials = OssCredentials.of("ak", "sk");
        SignableRequest original = SignableRequest.forObject("PUT", "bucket", "k").query("callback", "cb64")
                .query("callback-var", "vars64");
        SignableRequest tampered = SignableRequest.forObject("PUT", "bucket", "k").query("callback", "cb64")
                .query("callback-var", "other64");

        assertThat(V4.presign(tampered, credentials, TIME, Duration.ofMinutes(5)))
                .isNotEqualTo(V4.presign(original, credentials, TIME, Duration.ofMinutes(5)));
        assertThat(V1.presign(tampered, credentials, TIME, Duration.ofMinutes(5)))
                .isNotEqualTo(V1.presign(original, credentials, TIME, Duration.ofMinutes(5)));
        assertThat(V4Canonicalizer.canonicalQuery(original.queryParams())).isEqualTo("callback=cb64&callback-var=vars64");
    }
}
