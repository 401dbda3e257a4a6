package org.acme.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.acme.avatars.AvatarRegistry;
import org.acme.avatars.AvatarSaved;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AvatarCallbackTest {

    // tag::inject[]
    @Inject
    OssClient oss; // wired to the emulator by Dev Services

    @Inject
    @CallbackTemplateName("avatar")
    OssCallbackTemplate avatarCallback;

    @Inject
    AvatarRegistry avatars;
    // end::inject[]

    @Inject
    @CallbackTemplateName("backup")
    OssCallbackTemplate backupCallback;

    // tag::reply[]
    @Test
    void theCallbackRunsAndItsReplyComesBack() {
        OssCallbackSpec callback = avatarCallback.fill(Map.of("user", "bob"));
        UploadResult result = oss.putObject("avatars/bob.png", new byte[] { 1, 2, 3 },
                UploadOptions.defaults().contentType("image/png").callback(callback));

        AvatarSaved saved = result.callbackReply().orElseThrow().as(AvatarSaved.class); // <1>
        assertThat(saved).isEqualTo(new AvatarSaved("bob", "avatars/bob.png", 3, "image/png"));
        assertThat(avatars.objectOf("bob")).contains("avatars/bob.png"); // <2>
    }
    // end::reply[]

    // tag::refused[]
    @Test
    void aRefusedCallbackFailsTheUploadButTheObjectIsStored() {
        UploadOptions options = UploadOptions.defaults()
                .callback(backupCallback.fill(Map.of("user", "guest")));

        assertThatThrownBy(() -> oss.putObject("backups/guest.tar", new byte[] { 1 }, options))
                .isInstanceOf(OssCallbackFailedException.class) // <1>
                .hasMessageContaining("Error status : 403");
        assertThat(oss.headObject("backups/guest.tar").contentLength()).isEqualTo(1); // <2>
    }
    // end::refused[]

    // tag::forged[]
    @Test
    void aCallbackThatOssDidNotSignIsRefused() {
        given().contentType("application/x-www-form-urlencoded")
                .body("bucket=default-bucket&object=avatars%2Fmallory.png&x%3Auser=mallory")
                .when().post("/oss/avatar")
                .then().statusCode(403)
                .body("status", equalTo("error"))
                .body("reason", equalTo("verification failed"));
        assertThat(avatars.objectOf("mallory")).isEmpty();
    }
    // end::forged[]
}
