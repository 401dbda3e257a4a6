package io.quarkiverse.alioss.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    static final String V1_AUTH = "kKQeGTRccDKyHB3H9vF+xYMSrmhMZjzzl2/kdD1ktNVgbWEfYTQG0G2SU/RaHBovRCE8OkQDjC3uG33esH2txA==";
    static final String V2_BODY = "filename=headSculpture%2Fjikang2.jpg&size=108904&mimeType=image%2Fjpeg&height=278&width=200";
    static final String V2_AUTH = "HHtQ8zgAo4WUCg7Iy/njrsluS+ZDmgMwIHag+vmRvIC4Ph5rxNQ3+WOfJZvzwIKQsNftEDC0PCU03hpjId3vIQ==";

    static boolean ossVerifies(byte[] stringToSign, String authorization) throws Exception {
        Signature signature = Signature.getInstance("MD5withRSA");
        signature.initVerify(TestCallbackVerifier.publicKeyFromPem(TestCallbackVerifier.OSS_PUBLIC_KEY_PEM));
        signature.update(stringToSign);
        return signature.verify(Base64.getDecoder().decode(authorization));
    }

    @Test
    void stringToSignWithQueryMatchesTheGenuineV1Signature() throws Exception {
        byte[] sts = CallbackStringToSign.of("/index.php?id=1&index=2", "bucket=yonghu-test".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(sts, StandardCharsets.UTF_8)).isEqualTo("/index.php?id=1&index=2\nbucket=yonghu-test");
        assertThat(String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(sts))))
                .isEqualTo("5b74fc97cc385b45c6c8b7782d5a2140");
        assertThat(ossVerifies(sts, V1_AUTH)).isTrue();
    }

    @Test
    void stringToSignWithoutQueryHasNoQuestionMarkAndMatchesTheGenuineV2Signature() throws Exception {
        byte[] sts = CallbackStringToSign.of("/api/AliYunOssCallback", V2_BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(sts, StandardCharsets.UTF_8)).isEqualTo("/api/AliYunOssCallback\n" + V2_BODY);
        assertThat(ossVerifies(sts, V2_AUTH)).isTrue();
        byte[] tampered = CallbackStringToSign.of("/api/AliYunOssCallback", (V2_BODY + "0").getBytes(StandardCharsets.UTF_8));
        assertThat(ossVerifies(tampered, V2_AUTH)).isFalse();
    }

    @Test
    void pathIsPercentDecodedButPlusAndQueryStayRaw() {
        byte[] sts = CallbackStringToSign.of("/a%20b/c+d/%E6%97%A5%2F?x=%2F&y=a+b%20", "B".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(sts, StandardCharsets.UTF_8)).isEqualTo("/a b/c+d/日/?x=%2F&y=a+b%20\nB");
    }

    @Test
    void emptyQueryKeepsItsQuestionMark() {
        assertThat(new String(CallbackStringToSign.of("/p?", new byte[0]), StandardCharsets.UTF_8)).isEqualTo("/p?\n");
    }

    @Test
    void malformedEscapesStayLiteral() {
        assertThat(new String(CallbackStringToSign.of("/a%zz%4", new byte[0]), StandardCharsets.UTF_8))
                .isEqualTo("/a%zz%4\n");
    }

    @Test
    void signingKeyExportsAPemThatVerifiesItsMd5WithRsaSignatures() throws Exception {
        CallbackSigningKey key = CallbackSigningKey.generate();
        String pem = key.publicKeyPem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        PublicKey publicKey = TestCallbackVerifier.publicKeyFromPem(pem);
        assertThat(publicKey).isEqualTo(key.publicKey());
        byte[] body = "a=1".getBytes(StandardCharsets.UTF_8);
        String auth = Base64.getEncoder().encodeToString(key.sign(CallbackStringToSign.of("/cb?x=1", body)));
        assertThat(TestCallbackVerifier.verify(publicKey, "/cb?x=1", body, auth)).isTrue();
        assertThat(TestCallbackVerifier.verify(publicKey, "/cb?x=2", body, auth)).isFalse();
        assertThat(TestCallbackVerifier.verify(
                TestCallbackVerifier.publicKeyFromPem(CallbackSigningKey.generate().publicKeyPem()), "/cb?x=1", body,
                auth)).as("another instance's key").isFalse();
    }
}
