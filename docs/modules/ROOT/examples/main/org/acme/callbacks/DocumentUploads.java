package org.acme.callbacks;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;
import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PostObjectRequest;
import io.quarkiverse.alioss.presign.PresignPutRequest;
import io.quarkiverse.alioss.presign.PresignedRequest;

@ApplicationScoped
public class DocumentUploads {

    // tag::inject[]
    @Inject
    @CallbackTemplateName("document")
    OssCallbackTemplate documentCallback;
    // end::inject[]

    @Inject
    OssClient oss;

    // tag::lookup[]
    @Inject
    OssCallbackTemplates templates; // every template, by name

    @Inject
    @Any
    Instance<OssCallbackTemplate> anyTemplate;

    OssCallbackTemplate byName(String name) {
        return templates.get(name); // IllegalArgumentException naming the known names
    }

    OssCallbackTemplate selected(String name) {
        return anyTemplate.select(CallbackTemplateName.Literal.of(name)).get();
    }
    // end::lookup[]

    // tag::fill[]
    OssCallbackSpec documentCallback(UUID orderId, BigDecimal amount) {
        return documentCallback.fill(Map.of( // <1>
                "order_id", orderId.toString(),
                "kind", "INVOICE",
                "amount", amount.toPlainString(),
                "note", "")); // <2>
    }
    // end::fill[]

    // tag::uploads[]
    UploadResult uploadInvoice(UUID orderId, BigDecimal amount, InputStream pdf) {
        UploadOptions options = UploadOptions.defaults()
                .contentType("application/pdf")
                .callback(documentCallback(orderId, amount));
        return oss.upload("invoices/" + orderId + ".pdf", pdf, options); // PutObject or multipart
    }

    PresignedRequest presignedInvoiceUpload(UUID orderId, BigDecimal amount) {
        return oss.presigner().presignPut(PresignPutRequest.forKey("invoices/" + orderId + ".pdf")
                .validity(Duration.ofMinutes(10))
                .contentType("application/pdf")
                .callback(documentCallback(orderId, amount)));
    }

    PostObjectForm invoiceForm(UUID orderId, BigDecimal amount) {
        return oss.presigner().postObjectForm(PostObjectRequest.forKey("invoices/" + orderId + ".pdf")
                .validity(Duration.ofMinutes(10))
                .sizeRange(1, 20_000_000)
                .callback(documentCallback(orderId, amount)));
    }
    // end::uploads[]
}
