package io.quarkiverse.alioss.deployment.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PostObjectRequest;
import io.quarkiverse.alioss.presign.PresignPutRequest;
import io.quarkiverse.alioss.presign.PresignedRequest;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The clients bind a template's callback themselves when they hand an upload out: the token in a presigned PUT URL or a
 * PostObject form names the client's own bucket (a named client's, not the default one's), the key or the form's key
 * prefix, and asks the route to confirm the callback with OSS; it lives for the URL's validity plus the margin.
 * Nothing is sent: the tokens are read back from the URL and the form and checked with the configured secret.
 */
class ClientBindsCallbackTokensTest {

    static final String SECRET = "client-binds-callback-tokens-secret-0123456789";

    @RegisterExtension
    static final QuarkusUnitTest TEST = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Uploads.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.oss.endpoint", "https://oss-cn-hangzhou.aliyuncs.com")
            .overrideConfigKey("quarkus.oss.region", "cn-hangzhou")
            .overrideConfigKey("quarkus.oss.bucket", "examplebucket")
            .overrideConfigKey("quarkus.oss.credentials.access-key-id", "id")
            .overrideConfigKey("quarkus.oss.credentials.access-key-secret", "secret")
            .overrideConfigKey("quarkus.oss.archive.endpoint", "https://oss-cn-beijing.aliyuncs.com")
            .overrideConfigKey("quarkus.oss.archive.region", "cn-beijing")
            .overrideConfigKey("quarkus.oss.archive.bucket", "archive")
            .overrideConfigKey("quarkus.oss.archive.credentials.access-key-id", "id2")
            .overrideConfigKey("quarkus.oss.archive.credentials.access-key-secret", "secret2")
            .overrideConfigKey("quarkus.oss.callback.base-url", "https://app.example.com")
            .overrideConfigKey("quarkus.oss.callback.token.secret", SECRET)
            .overrideConfigKey("quarkus.oss.devservices.enabled", "false");

    /** The default {@code quarkus.oss.callback.token.margin}. */
    static final Duration MARGIN = Duration.ofMinutes(15);
    static final Map<String, String> ALICE = Map.of("x:user", "alice");

    @ApplicationScoped
    static class Uploads {
        @OssCallback(path = "/oss/uploaded", name = "uploaded")
        void uploaded(OssUpload upload, @CallbackVar("user") String user) {
        }
    }

    @Inject
    OssClient client;

    @Inject
    @OssClientName("archive")
    OssClient archive;

    @Inject
    @CallbackTemplateName("uploaded")
    OssCallbackTemplate uploaded;

    final CallbackToken tokens = new CallbackToken(SECRET.getBytes(StandardCharsets.UTF_8), new SecureRandom());

    @Test
    void presignedPutOfANamedClientBindsItsBucketAndKeyAndAsksForConfirmation() throws Exception {
        Duration validity = Duration.ofMinutes(5);
        Instant issued = Instant.now();
        PresignedRequest presigned = archive.presigner()
                .presignPut(PresignPutRequest.forKey("docs/a.txt").validity(validity).contentType("text/plain")
                        .callback(uploaded.fill(Map.of("user", "alice"))));

        CallbackToken.Presented token = tokenOf(queryParameter(presigned.url(), "callback"));

        assertThat(token.confirm()).isTrue();
        assertThat(token.prefixLength()).isEqualTo(-1);
        tokens.check(token, "uploaded", "archive", "docs/a.txt", ALICE, Instant.now());
        assertMismatch(token, "examplebucket", "docs/a.txt");
        assertMismatch(token, "archive", "docs/a.txt2");
        Instant expiry = Instant.ofEpochSecond(token.expiry());
        assertThat(expiry).isBetween(issued.plus(validity).plus(MARGIN).minusSeconds(1),
                Instant.now().plus(validity).plus(MARGIN).plusSeconds(1));
    }

    @Test
    void postObjectFormWithAKeyPrefixBindsThePrefixAndAsksForConfirmation() throws Exception {
        PostObjectForm form = client.presigner().postObjectForm(PostObjectRequest.forKeyPrefix("uploads/")
                .validity(Duration.ofMinutes(10)).callback(uploaded.fill(Map.of("user", "alice"))));

        CallbackToken.Presented token = tokenOf(form.fields().get("callback"));

        assertThat(token.confirm()).isTrue();
        assertThat(token.prefixLength()).isEqualTo("uploads/".length());
        tokens.check(token, "uploaded", "examplebucket", "uploads/chosen.png", ALICE, Instant.now());
        assertMismatch(token, "examplebucket", "other/chosen.png");
        assertMismatch(token, "archive", "uploads/chosen.png");
    }

    private void assertMismatch(CallbackToken.Presented token, String bucket, String object) {
        assertThatThrownBy(() -> tokens.check(token, "uploaded", bucket, object, ALICE, Instant.now()))
                .isInstanceOfSatisfying(CallbackToken.TokenException.class,
                        e -> assertThat(e.failure()).isEqualTo(CallbackToken.Failure.MISMATCH));
    }

    /** The token in the callback URL of a Base64 {@code callback} value, as OSS reads it. */
    private static CallbackToken.Presented tokenOf(String callbackBase64) throws Exception {
        byte[] json = Base64.getDecoder().decode(callbackBase64);
        URI callbackUrl = URI.create(new ObjectMapper().readTree(json).get("callbackUrl").asText());
        assertThat(callbackUrl.getPath()).isEqualTo("/oss/uploaded");
        return CallbackToken.parse(CallbackToken.fromQuery(callbackUrl.getRawQuery()));
    }

    private static String queryParameter(URI url, String name) {
        for (String pair : url.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no query parameter " + name + " in " + url);
    }
}
