package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.response.Response;

/**
 * Callbacks really signed by OSS (protocol reference §5, V1 and V2) are accepted by generated routes mounted at their
 * original paths, verified with the pinned OSS key only: no test key, nothing fetched. These captures carry no callback
 * token (they come from other applications), so the token is switched off with
 * {@code quarkus.oss.callback.token.enabled=false}, the documented way to accept callbacks without one, which logs a
 * warning at start. The receiver class has no bean annotation, so this also shows that declaring {@code @OssCallback}
 * is enough to make a class a bean.
 */
class GenuineOssCallbackTest {

    static final String V1_TARGET = "/index.php?id=1&index=2";
    static final String V1_BODY = "bucket=yonghu-test";
    static final String V1_AUTHORIZATION = "kKQeGTRccDKyHB3H9vF+xYMSrmhMZjzzl2/kdD1ktNVgbWEfYTQG0G2SU/RaHBovRCE8OkQDjC3uG33esH2txA==";
    static final String V1_KEY_URL = "aHR0cDovL2dvc3NwdWJsaWMuYWxpY2RuLmNvbS9jYWxsYmFja19wdWJfa2V5X3YxLnBlbQ==";

    static final String V2_TARGET = "/api/AliYunOssCallback";
    static final String V2_BODY = "filename=headSculpture%2Fjikang2.jpg&size=108904&mimeType=image%2Fjpeg&height=278&width=200";
    static final String V2_AUTHORIZATION = "HHtQ8zgAo4WUCg7Iy/njrsluS+ZDmgMwIHag+vmRvIC4Ph5rxNQ3+WOfJZvzwIKQsNftEDC0PCU03hpjId3vIQ==";
    static final String V2_KEY_URL = "aHR0cHM6Ly9nb3NzcHVibGljLmFsaWNkbi5jb20vY2FsbGJhY2tfcHViX2tleV92MS5wZW0=";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Receivers.class, SignedCallbacks.class, TestCallbackKeys.class,
                    RefusalRecords.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.callback.token.enabled", "false")
            .setLogRecordPredicate(record -> "io.quarkiverse.alioss.callback".equals(record.getLoggerName()))
            .assertLogRecords(records -> assertThat(records).extracting(LogRecord::getMessage)
                    .anySatisfy(message -> assertThat(message).startsWith("OSS callback tokens are switched off")));

    static final String VERIFICATION_FAILED = "{\"status\":\"error\",\"code\":403,\"reason\":\"verification failed\"}";

    /** Deliberately without a scope annotation: the extension makes the declaring class a bean. */
    static class Receivers {
        static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

        @OssCallback(path = "/index.php", name = "v1")
        void v1(@SystemVar("bucket") String bucket) {
            RECEIVED.add("v1 " + bucket);
        }

        @OssCallback(path = "/api/AliYunOssCallback", name = "v2")
        String v2(@SystemVar(value = "object", key = "filename") String object, @SystemVar("size") long size,
                @SystemVar("mimeType") String mimeType, @SystemVar(value = "imageInfo.height", key = "height") int height,
                @SystemVar(value = "imageInfo.width", key = "width") int width) {
            RECEIVED.add("v2 " + object + " " + size + " " + mimeType + " " + width + "x" + height);
            return "stored";
        }
    }

    RefusalRecords refusals;

    @BeforeEach
    void reset() {
        Receivers.RECEIVED.clear();
        refusals = RefusalRecords.capture();
    }

    @Test
    void officialDocumentationCallbackV1IsAccepted() {
        send(V1_TARGET, V1_BODY, V1_AUTHORIZATION, V1_KEY_URL).then().statusCode(200)
                .body(equalTo("{\"status\":\"OK\"}"));
        assertThat(Receivers.RECEIVED).containsExactly("v1 yonghu-test");
        assertThat(refusals.codes()).isEmpty();
    }

    @Test
    void capturedPostObjectCallbackV2IsAccepted() {
        send(V2_TARGET, V2_BODY, V2_AUTHORIZATION, V2_KEY_URL).then().statusCode(200).body(equalTo("\"stored\""));
        assertThat(Receivers.RECEIVED).containsExactly("v2 headSculpture/jikang2.jpg 108904 image/jpeg 200x278");
    }

    @Test
    void genuineSignatureOverAnotherQueryIsRefused() {
        send("/index.php?id=1&index=3", V1_BODY, V1_AUTHORIZATION, V1_KEY_URL).then().statusCode(403)
                .body(equalTo(VERIFICATION_FAILED));
        assertThat(Receivers.RECEIVED).isEmpty();
        assertThat(refusals.codes()).containsExactly("BAD_SIGNATURE");
    }

    @Test
    void genuineSignatureWithOneBodyByteChangedIsRefused() {
        send(V2_TARGET, V2_BODY.replace("108904", "108905"), V2_AUTHORIZATION, V2_KEY_URL).then().statusCode(403)
                .body(equalTo(VERIFICATION_FAILED));
        assertThat(Receivers.RECEIVED).isEmpty();
        assertThat(refusals.codes()).containsExactly("BAD_SIGNATURE");
    }

    private static Response send(String target, String body, String authorization,
            String keyUrl) {
        return SignedCallbacks.send(target, SignedCallbacks.FORM, body.getBytes(StandardCharsets.UTF_8), authorization,
                keyUrl);
    }
}
