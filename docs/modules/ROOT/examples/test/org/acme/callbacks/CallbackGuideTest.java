package org.acme.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkus.test.junit.QuarkusTest;

/** Checks what the @OssCallback guide says about its examples, against the emulator. */
@QuarkusTest
class CallbackGuideTest {

    @Inject
    DocumentUploads uploads;

    @Inject
    OssClient oss;

    @Inject
    @CallbackTemplateName("report")
    OssCallbackTemplate report;

    @Inject
    @CallbackTemplateName("photo")
    OssCallbackTemplate photo;

    @Test
    void customVariablesBindToUuidEnumDecimalAndOptional() {
        UUID order = UUID.randomUUID();
        JsonNode reply = uploads.uploadInvoice(order, new BigDecimal("12.50"),
                new ByteArrayInputStream("%PDF-1.7".getBytes())).callbackReply().orElseThrow().asJson();

        assertThat(reply.get("order").asText()).isEqualTo(order.toString());
        assertThat(reply.get("kind").asText()).isEqualTo("INVOICE");
        assertThat(reply.get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(reply.get("object").asText()).isEqualTo("invoices/" + order + ".pdf");
    }

    @Test
    void templatesAreFoundByName() {
        assertThat(uploads.byName("document").customVariables())
                .containsExactlyInAnyOrder("x:order_id", "x:kind", "x:amount", "x:note");
        assertThat(uploads.selected("document").path()).isEqualTo("/oss/document");
    }

    @Test
    void aJsonCallbackReadsTheBodyFieldItsKeyNames() {
        assertThat(report.bodyType()).isEqualTo(CallbackBodyType.JSON);
        assertThat(report.body()).contains("\"tenantId\":${x:tenant}");
        JsonNode reply = oss.putObject("reports/q1.csv", "a,b".getBytes(),
                UploadOptions.defaults().callback(report.fill(Map.of("tenant", "acme"))))
                .callbackReply().orElseThrow().asJson();
        assertThat(reply.get("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void aMethodThatRefusesFailsTheUploadWithItsStatus() {
        assertThatThrownBy(() -> oss.putObject("photos/notes.txt", "text".getBytes(),
                UploadOptions.defaults().contentType("text/plain").callback(photo.fill())))
                .isInstanceOf(OssCallbackFailedException.class)
                .hasMessageContaining("Error status : 400");
    }
}
