package io.quarkiverse.alioss.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The server-side path against Dev Services with no OSS settings at all: the application uploads with the callback,
 * the emulator calls the verified callback route, and the reply travels back through OSS to the caller.
 */
@QuarkusTest
class ServerUploadTest {

    @Test
    void pngUploadRepliesWithTheCallbacksImageFacts() {
        byte[] png = TestImages.png(41, 17);

        String key = given()
                .multiPart("file", "photo.png", png, "image/png")
                .when().post("/uploads")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("object", startsWith("uploads/"))
                .body("object", containsString("-photo.png"))
                .body("size", equalTo(png.length))
                .body("contentType", equalTo("image/png"))
                .body("width", equalTo(41))
                .body("height", equalTo(17))
                .body("format", equalTo("png"))
                .body("source", equalTo("server"))
                .body("operation", equalTo("PutObject"))
                .extract().path("object");

        given().when().get("/objects")
                .then().statusCode(200)
                .body("key", hasItem(key));
    }

    @Test
    void nonImageHasNoDimensions() {
        byte[] text = "just some text\n".getBytes(StandardCharsets.UTF_8);

        given()
                .multiPart("file", "notes.txt", text, "text/plain")
                .when().post("/uploads")
                .then().statusCode(200)
                .body("size", equalTo(text.length))
                .body("contentType", equalTo("text/plain"))
                .body("width", nullValue())
                .body("height", nullValue());
    }

    @Test
    void missingFileIsAReadableError() {
        given()
                .multiPart("other", "x")
                .when().post("/uploads")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString("multipart form field 'file'"));
    }
}
