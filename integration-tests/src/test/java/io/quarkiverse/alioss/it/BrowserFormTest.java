package io.quarkiverse.alioss.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The page's protocol without a browser: the application hands out a signed PostObject form bound to the callback,
 * a form post straight to the emulator returns the callback method's reply, and an edited form is refused.
 */
@QuarkusTest
class BrowserFormTest {

    @Test
    void formPostedToOssReturnsTheCallbackReply() {
        Form form = form("diagram.png", "image/png");
        byte[] png = TestImages.png(30, 20);

        post(form, form.fields(), "diagram.png", png, "image/png")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("object", endsWith("-diagram.png"))
                .body("width", equalTo(30))
                .body("height", equalTo(20))
                .body("contentType", equalTo("image/png"))
                .body("source", equalTo("browser"))
                .body("operation", equalTo("PostObject"));
    }

    @Test
    void editedCustomVariableIsRefused() {
        Form form = form("notes.txt", "text/plain");
        Map<String, String> edited = new LinkedHashMap<>(form.fields());
        edited.put("x:source", "admin");

        post(form, edited, "notes.txt", "hello".getBytes(), "text/plain")
                .then().statusCode(403);
    }

    @Test
    void missingFileNameIsAReadableError() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/uploads/form")
                .then().statusCode(400)
                .body("error", containsString("fileName"));
    }

    private record Form(String url, Map<String, String> fields) {
    }

    private static Form form(String fileName, String contentType) {
        var json = given().contentType(ContentType.JSON)
                .body(Map.of("fileName", fileName, "contentType", contentType))
                .when().post("/uploads/form")
                .then().statusCode(200)
                .body("fields", hasKey("policy"))
                .body("fields", hasKey("callback"))
                .body("fields.'x:source'", equalTo("browser"))
                .extract().jsonPath();
        return new Form(json.getString("url"), new LinkedHashMap<>(json.getMap("fields", String.class, String.class)));
    }

    private static io.restassured.response.Response post(Form form, Map<String, String> fields, String fileName,
            byte[] content, String contentType) {
        RequestSpecification request = given();
        fields.forEach(request::multiPart);
        // OSS reads the fields before the file, so the file goes last
        return request.multiPart("file", fileName, content, contentType).when().post(form.url());
    }
}
