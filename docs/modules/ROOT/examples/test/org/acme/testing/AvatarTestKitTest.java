package org.acme.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.inject.Inject;

import org.acme.avatars.AvatarRegistry;
import org.acme.avatars.AvatarSaved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.testing.CallbackDelivery;
import io.quarkiverse.alioss.testing.OssTestKit;
import io.quarkiverse.alioss.testing.SimulatedUpload;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AvatarTestKitTest {

    @Inject
    AvatarRegistry avatars;

    // tag::kit[]
    final OssTestKit oss = OssTestKit.devServices();
    // end::kit[]

    @AfterEach
    void clearFaults() {
        oss.faults().clear();
    }

    // tag::deliver[]
    @Test
    void theEmulatorCallsTheMethodBack() {
        CallbackDelivery delivery = oss.callbacks().deliver("avatar", "avatars/carol.png", Map.of("user", "carol"));

        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.replyAs(AvatarSaved.class)) // <1>
                .isEqualTo(new AvatarSaved("carol", "avatars/carol.png", 0, "application/octet-stream"));
        assertThat(avatars.objectOf("carol")).contains("avatars/carol.png");
    }
    // end::deliver[]

    // tag::facts[]
    @Test
    void theUploadsFactsAreYours() {
        CallbackDelivery delivery = oss.callbacks().deliver(SimulatedUpload.of("avatar", "avatars/dan.png")
                .var("user", "dan").size(48213).mimeType("image/png"));

        assertThat(delivery.replyAs(AvatarSaved.class).size()).isEqualTo(48213);
    }
    // end::facts[]

    // tag::raw[]
    @Test
    void aSignedBodyWithoutTokenIsRefused() {
        CallbackDelivery delivery = oss.callbacks().sendSigned("/oss/avatar", "application/x-www-form-urlencoded",
                "bucket=default-bucket&object=avatars%2Feve.png&x%3Auser=eve");

        assertThat(delivery.status()).isEqualTo(403); // <1>
        assertThat(delivery.reply()).contains("token refused");
        assertThat(avatars.objectOf("eve")).isEmpty();
    }
    // end::raw[]

    // tag::faults[]
    @Test
    void anUploadFailsWhileOssDoes() {
        oss.faults().failAlways("PutObject"); // <1>
        assertThatThrownBy(() -> oss.objects().put("avatars/frank.png", new byte[] { 1 }))
                .isInstanceOfSatisfying(OssException.class, e -> assertThat(e.status()).isEqualTo(503));

        oss.faults().clear();
        oss.objects().put("avatars/frank.png", new byte[] { 1 });
        assertThat(oss.objects().keys("avatars/")).contains("avatars/frank.png");
    }
    // end::faults[]
}
