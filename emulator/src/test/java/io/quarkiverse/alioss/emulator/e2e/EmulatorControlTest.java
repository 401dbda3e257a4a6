package io.quarkiverse.alioss.emulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.alioss.emulator.http.RawHttp;
import io.quarkiverse.alioss.emulator.http.SignedHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The control endpoints under {@code /__emulator/}: a callback for a simulated upload is the one a real upload makes,
 * a raw body is signed and sent as it is, deliveries and faults can be seen and changed, and every malformed or
 * unsigned control request is refused with a message that says what is wrong.
 */
class EmulatorControlTest {

    static final String BUCKET = "control-bucket";
    static final String CONTROL = "__emulator";
    static final String TEMPLATE = "bucket=${bucket}&object=${object}&etag=${etag}&size=${size}&mimeType=${mimeType}"
            + "&crc64=${crc64}&contentMd5=${contentMd5}&operation=${operation}&my=${x:my}";

    @RegisterExtension
    static final CallbackRig RIG = new CallbackRig(BUCKET);

    static SignedHttp signed;
    static RawHttp unsigned;

    @BeforeAll
    static void clients() {
        signed = new SignedHttp(RIG.emulator());
        unsigned = new RawHttp(RIG.emulator().port());
    }

    @AfterAll
    static void close() {
        signed.close();
        unsigned.close();
    }

    @BeforeEach
    void clean() throws Exception {
        control(HttpMethod.DELETE, "callbacks", null, null);
        control(HttpMethod.DELETE, "faults", null, null);
    }

    @Test
    void callbackForASimulatedUploadIsTheOneTheUploadMakes() throws Exception {
        String callback = b64("{\"callbackUrl\":\"" + RIG.receiver().url("/cb?t=1") + "\",\"callbackBody\":\""
                + TEMPLATE + "\"}");
        String vars = b64("{\"x:my\":\"a b/c\"}");
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("x-oss-callback", callback)
                .add("x-oss-callback-var", vars).add("Content-Type", "text/plain");
        RawHttp.Response upload = signed.send(HttpMethod.PUT, BUCKET, "docs/a.txt", null, headers,
                Buffer.buffer("hello"));
        assertThat(upload.status()).as(upload.text()).isEqualTo(200);
        CallbackReceiver.Received byUpload = RIG.receiver().next();

        RawHttp.Response simulated = control(HttpMethod.POST, "callbacks/upload", new JsonObject()
                .put("callback", callback).put("callbackVar", vars).put("bucket", BUCKET).put("object", "docs/a.txt")
                .encode(), "application/json");
        assertThat(simulated.status()).as(simulated.text()).isEqualTo(200);
        CallbackReceiver.Received byControl = RIG.receiver().next();

        assertThat(byControl.body().toString()).isEqualTo(byUpload.body().toString())
                .contains("size=5", "mimeType=text%2Fplain", "my=a%20b%2Fc", "operation=PutObject");
        assertThat(byControl.uri()).isEqualTo(byUpload.uri());
        for (String header : new String[] { "Content-Type", "Content-MD5", "x-oss-bucket", "x-oss-pub-key-url",
                "User-Agent" }) {
            assertThat(byControl.headers().get(header)).as(header).isEqualTo(byUpload.headers().get(header));
        }
        assertThat(CallbackReceiver.signatureValid(byControl)).isTrue();
        JsonObject outcome = simulated.body().toJsonObject();
        assertThat(outcome.getInteger("status")).isEqualTo(200);
        assertThat(outcome.getString("reply")).isEqualTo("{\"ok\":true}");
        assertThat(outcome.getString("failure")).isNull();
    }

    @Test
    void factsGivenForAnObjectTheEmulatorDoesNotHoldAreUsedAsGiven() throws Exception {
        String callback = b64("{\"callbackUrl\":\"" + RIG.receiver().url("/cb") + "\",\"callbackBody\":\""
                + "{\\\"object\\\":${object},\\\"size\\\":${size},\\\"mime\\\":${mimeType},\\\"w\\\":${imageInfo.width}}"
                + "\",\"callbackBodyType\":\"application/json\"}");
        RawHttp.Response response = control(HttpMethod.POST, "callbacks/upload", new JsonObject()
                .put("callback", callback).put("bucket", BUCKET).put("object", "never/stored.png").put("size", 48213)
                .put("mimeType", "image/png")
                .put("imageInfo", new JsonObject().put("width", 640).put("height", 480).put("format", "png"))
                .encode(), "application/json");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(RIG.receiver().next().body().toString())
                .isEqualTo("{\"object\":\"never/stored.png\",\"size\":48213,\"mime\":\"image/png\",\"w\":640}");
    }

    @Test
    void aFailedCallbackIsReportedWithOssMessageAndStatus() throws Exception {
        RIG.receiver().answer(403, "application/json", "{\"reason\":\"no\"}");
        String callback = b64("{\"callbackUrl\":\"" + RIG.receiver().url("/cb") + "\",\"callbackBody\":\"a=${object}\"}");
        JsonObject outcome = control(HttpMethod.POST, "callbacks/upload", new JsonObject().put("callback", callback)
                .put("bucket", BUCKET).put("object", "x").encode(), "application/json").body().toJsonObject();

        assertThat(outcome.getInteger("status")).isEqualTo(403);
        assertThat(outcome.getString("failure")).isEqualTo("Error status : 403.");
        assertThat(outcome.getString("reply")).as("OSS does not read a refused reply").isNull();
    }

    @Test
    void rawBodyIsSignedAndSentAsItIsAndAnyReplyIsRead() throws Exception {
        RIG.receiver().answer(400, "application/json", "{\"reason\":\"no token\"}");
        RawHttp.Response response = signed.send(HttpMethod.POST, CONTROL, "callbacks/raw",
                SignedHttp.query("url", RIG.receiver().url("/raw/path?q=1")),
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/x-www-form-urlencoded"),
                Buffer.buffer("object=forged"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        CallbackReceiver.Received received = RIG.receiver().next();
        assertThat(received.uri()).isEqualTo("/raw/path?q=1");
        assertThat(received.body().toString()).isEqualTo("object=forged");
        assertThat(received.headers().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(CallbackReceiver.signatureValid(received)).isTrue();
        JsonObject outcome = response.body().toJsonObject();
        assertThat(outcome.getInteger("status")).isEqualTo(400);
        assertThat(outcome.getString("reply")).isEqualTo("{\"reason\":\"no token\"}");
        assertThat(outcome.getString("failure")).isNull();
    }

    @Test
    void deliveriesAreListedMostRecentFirstAndCanBeCleared() throws Exception {
        for (String body : new String[] { "first", "second" }) {
            signed.send(HttpMethod.POST, CONTROL, "callbacks/raw", SignedHttp.query("url", RIG.receiver().url("/r")),
                    MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/plain"), Buffer.buffer(body));
        }

        JsonArray listed = control(HttpMethod.GET, "callbacks", null, null).body().toJsonArray();
        assertThat(listed.stream().map(d -> ((JsonObject) d).getString("body"))).containsExactly("second", "first");
        JsonObject latest = listed.getJsonObject(0);
        assertThat(latest.getString("url")).isEqualTo(RIG.receiver().url("/r"));
        assertThat(latest.getInteger("status")).isEqualTo(200);
        assertThat(latest.getString("reply")).isEqualTo("{\"ok\":true}");

        assertThat(control(HttpMethod.DELETE, "callbacks", null, null).status()).isEqualTo(204);
        assertThat(control(HttpMethod.GET, "callbacks", null, null).body().toJsonArray()).isEmpty();
    }

    @Test
    void faultsCanBeSwitchedOnAndOff() throws Exception {
        assertThat(control(HttpMethod.POST, "faults", "PutObject:error-rate=1\n", "text/plain").status())
                .isEqualTo(204);
        RawHttp.Response failed = signed.send(HttpMethod.PUT, BUCKET, "f.txt", null, null, Buffer.buffer("x"));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(RIG.emulator().hasObject(BUCKET, "f.txt")).isFalse();

        assertThat(control(HttpMethod.DELETE, "faults", null, null).status()).isEqualTo(204);
        assertThat(signed.send(HttpMethod.PUT, BUCKET, "f.txt", null, null, Buffer.buffer("x")).status())
                .isEqualTo(200);
    }

    @Test
    void aRefusedFaultListChangesNothing() throws Exception {
        RawHttp.Response refused = control(HttpMethod.POST, "faults", "PutObject:error-rate=1\nGetObject:speed=3",
                "text/plain");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toJsonObject().getString("message"))
                .isEqualTo("Fault 'GetObject:speed=3': Unknown fault setting 'speed'; use error-rate, reset-rate,"
                        + " latency or corrupt");
        assertThat(signed.send(HttpMethod.PUT, BUCKET, "g.txt", null, null, Buffer.buffer("x")).status())
                .isEqualTo(200);
    }

    @Test
    void unsignedControlRequestsAreRefused() throws Exception {
        for (String key : new String[] { "callbacks", "callbacks/upload", "callbacks/raw", "faults" }) {
            RawHttp.Response response = unsigned.send(HttpMethod.POST, "/" + CONTROL + "/" + key,
                    MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/plain"), Buffer.buffer("x"));
            assertThat(response.status()).as(key).isEqualTo(403);
            assertThat(response.body().toJsonObject().getString("code")).as(key).isEqualTo("AccessDenied");
        }
        assertThat(RIG.receiver().pending()).as("nothing was signed and sent").isZero();
    }

    @Test
    void malformedControlRequestsAreRefusedWithWhatIsWrong() throws Exception {
        String callback = b64("{\"callbackUrl\":\"" + RIG.receiver().url("/cb") + "\",\"callbackBody\":\"a=1\"}");
        Map<String, String> expected = Map.of(
                "not json", "The body must be a JSON object with callback, bucket and object",
                new JsonObject().put("bucket", BUCKET).put("object", "k").encode(),
                "The field 'callback' is required",
                new JsonObject().put("callback", callback).put("object", "k").encode(),
                "The field 'bucket' is required",
                new JsonObject().put("callback", callback).put("bucket", BUCKET).put("object", "k").put("sise", 1)
                        .encode(),
                "Unknown field 'sise'",
                new JsonObject().put("callback", callback).put("bucket", BUCKET).put("object", "k").put("size", -1)
                        .encode(),
                "size must be a whole number of bytes, 0 or more; got -1",
                new JsonObject().put("callback", "%%%").put("bucket", BUCKET).put("object", "k").encode(),
                "The callback parameter is refused as OSS refuses it: The callback configuration is not base64 encoded.",
                new JsonObject().put("callback", callback).put("bucket", BUCKET).put("object", "k")
                        .put("operation", "AppendObject").encode(),
                "operation must be one of [CompleteMultipartUpload, PostObject, PutObject], got 'AppendObject'");
        for (Map.Entry<String, String> c : expected.entrySet()) {
            RawHttp.Response response = control(HttpMethod.POST, "callbacks/upload", c.getKey(), "application/json");
            assertThat(response.status()).as(c.getKey()).isEqualTo(400);
            assertThat(response.body().toJsonObject().getString("message")).as(c.getKey()).startsWith(c.getValue());
        }
        assertThat(RIG.receiver().pending()).isZero();
    }

    @Test
    void malformedRawRequestsAreRefused() throws Exception {
        RawHttp.Response noUrl = control(HttpMethod.POST, "callbacks/raw", "x", "text/plain");
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.body().toJsonObject().getString("message"))
                .isEqualTo("The query parameter 'url' is required: where to send the body");

        RawHttp.Response badUrl = signed.send(HttpMethod.POST, CONTROL, "callbacks/raw",
                SignedHttp.query("url", "ftp://127.0.0.1/x"),
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/plain"), Buffer.buffer("x"));
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.body().toJsonObject().getString("message")).isEqualTo("The url 'ftp://127.0.0.1/x' is "
                + "refused as OSS refuses a callbackUrl: The callback url configuration is invalid.");

        RawHttp.Response noType = signed.send(HttpMethod.POST, CONTROL, "callbacks/raw",
                SignedHttp.query("url", RIG.receiver().url("/r")), null, Buffer.buffer("x"));
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.body().toJsonObject().getString("message"))
                .isEqualTo("The Content-Type header is required: it is sent with the body");
        assertThat(RIG.receiver().pending()).isZero();
    }

    @Test
    void unknownEndpointsAndMethodsAreNamed() throws Exception {
        RawHttp.Response unknown = control(HttpMethod.GET, "callback", null, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().toJsonObject().getString("message"))
                .startsWith("The emulator has no control endpoint /__emulator/callback; it has [");

        RawHttp.Response wrongMethod = control(HttpMethod.PUT, "callbacks/upload", "{}", "application/json");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body().toJsonObject().getString("message"))
                .isEqualTo("PUT is not allowed on /__emulator/callbacks/upload; use [POST]");
    }

    @Test
    void anObjectKeyStartingWithTheControlPrefixIsAnObjectKey() throws Exception {
        RawHttp.Response put = signed.send(HttpMethod.PUT, BUCKET, "__emulator/faults", null, null,
                Buffer.buffer("PutObject:error-rate=1"));

        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(RIG.emulator().hasObject(BUCKET, "__emulator/faults")).isTrue();
        assertThat(signed.send(HttpMethod.PUT, BUCKET, "after.txt", null, null, Buffer.buffer("x")).status())
                .as("no fault was set").isEqualTo(200);
    }

    private static RawHttp.Response control(HttpMethod method, String key, String body, String contentType)
            throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        return signed.send(method, CONTROL, key, null, headers, body == null ? null : Buffer.buffer(body));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
