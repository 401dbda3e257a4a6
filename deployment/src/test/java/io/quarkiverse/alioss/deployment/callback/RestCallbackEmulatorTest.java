package io.quarkiverse.alioss.deployment.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkus.test.QuarkusUnitTest;

/**
 * End to end: the injected client uploads to the OSS emulator with the template of a callback; the emulator performs
 * the signed callback to this application, which verifies it and answers; the upload result carries that answer. A
 * resource method and a generated route pass the same test in one application.
 */
class RestCallbackEmulatorTest {

    @RegisterExtension
    static final QuarkusUnitTest app = TestEmulator.configure(new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Hooks.class, RouteHooks.class, Saved.class, TestEmulator.class)),
            "emulator-e2e-secret-of-at-least-32-chars");

    record Saved(String style, String user, String bucket, String object, long size) {
    }

    @Path("/e2e")
    public static class Hooks {
        @POST
        @Path("avatar")
        @OssCallback(name = "restAvatar")
        public RestResponse<Saved> avatar(OssUpload upload, @CallbackVar("user") String user) {
            if (user.equals("refused")) {
                return RestResponse.status(RestResponse.Status.CONFLICT);
            }
            return RestResponse.ok(new Saved("rest", user, upload.bucket(), upload.object(), upload.size()));
        }
    }

    @ApplicationScoped
    static class RouteHooks {
        @OssCallback(path = "/oss/e2e-avatar", name = "routeAvatar")
        Saved avatar(OssUpload upload, @CallbackVar("user") String user) {
            return new Saved("route", user, upload.bucket(), upload.object(), upload.size());
        }
    }

    @Inject
    OssClient client;

    @Inject
    OssCallbackTemplates templates;

    @Test
    void uploadReturnsTheReplyOfTheResourceMethodAndOfTheRouteAlike() {
        byte[] content = "hello, callback".getBytes(StandardCharsets.UTF_8);
        for (String style : new String[] { "rest", "route" }) {
            OssCallbackSpec callback = templates.get(style + "Avatar").fill(Map.of("user", "alice"));
            UploadResult result = client.putObject("avatars/" + style + ".txt", content,
                    UploadOptions.defaults().contentType("text/plain").callback(callback));
            assertThat(result.callbackReply()).as(style).isPresent();
            JsonNode reply = result.callbackReply().get().asJson();
            assertThat(reply.get("style").asText()).isEqualTo(style);
            assertThat(reply.get("user").asText()).isEqualTo("alice");
            assertThat(reply.get("bucket").asText()).isEqualTo(TestEmulator.BUCKET);
            assertThat(reply.get("object").asText()).isEqualTo("avatars/" + style + ".txt");
            assertThat(reply.get("size").asLong()).isEqualTo(content.length);
        }
    }

    @Test
    void aResourceMethodThatDoesNotAnswer200FailsTheCallbackButKeepsTheObject() {
        OssCallbackSpec callback = templates.get("restAvatar").fill(Map.of("user", "refused"));
        assertThatThrownBy(() -> client.putObject("avatars/refused.txt", new byte[] { 1 },
                UploadOptions.defaults().callback(callback)))
                .isInstanceOfSatisfying(OssCallbackFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo(203);
                    assertThat(e.ossMessage()).contains("Error status : 409");
                    assertThat(e.objectStored()).isTrue();
                });
        assertThat(client.headObject("avatars/refused.txt")).isNotNull();
    }
}
