package org.acme.avatars;

// tag::test[]
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest // <1>
class AvatarUploadTest {

    @Test
    void theUploadIsAnsweredByTheCallback() {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

        given().contentType("image/png").body(png)
                .when().put("/avatars/alice") // <2>
                .then().statusCode(200)
                .body("user", equalTo("alice")) // <3>
                .body("object", equalTo("avatars/alice.png"))
                .body("size", equalTo(png.length))
                .body("contentType", equalTo("image/png"));
    }
}
// end::test[]
