package org.acme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

// Dev Services starts the OSS emulator for the test; the emulator calls back the application under test
@QuarkusTest
class UploadResourceTest {

    @Test
    void theUploadIsAnsweredByTheCallback() {
        given().contentType("text/plain; charset=UTF-8").body("Hello OSS")
                .when().put("/uploads/hello.txt")
                .then().statusCode(200)
                .body("filename", equalTo("hello.txt"))
                .body("object", startsWith("uploads/"))
                .body("size", equalTo(9))
                .body("contentType", equalTo("text/plain; charset=UTF-8"));
    }
}
