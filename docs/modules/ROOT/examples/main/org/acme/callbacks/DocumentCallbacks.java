package org.acme.callbacks;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.ImageInfo;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackRefusedException;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.callback.SystemVar;

@ApplicationScoped
public class DocumentCallbacks {

    // tag::system-vars[]
    @OssCallback(path = "/oss/scan", name = "scan")
    public Map<String, Object> scanUploaded(@SystemVar("object") String key,
            @SystemVar("size") long size,
            @SystemVar("crc64") long crc64, // unsigned: Long.toUnsignedString(crc64)
            @SystemVar("imageInfo.width") Optional<Integer> width) { // empty: not an image
        return Map.of("key", key, "size", size, "width", width.orElse(0));
    }
    // end::system-vars[]

    // tag::custom-vars[]
    @OssCallback(path = "/oss/document", name = "document")
    public Map<String, Object> documentUploaded(OssUpload upload,
            @CallbackVar("order_id") UUID orderId,
            @CallbackVar("kind") DocumentKind kind, // by constant name: INVOICE, CONTRACT
            @CallbackVar("amount") BigDecimal amount,
            @CallbackVar("note") Optional<String> note) { // empty when filled with ""
        return Map.of("order", orderId, "kind", kind, "amount", amount, "object", upload.object());
    }
    // end::custom-vars[]

    // tag::upload[]
    @OssCallback(path = "/oss/photo", name = "photo")
    public Map<String, Object> photoUploaded(OssUpload upload) {
        ImageInfo image = upload.imageInfo()
                .orElseThrow(() -> OssCallbackRefusedException.badRequest("not an image"));
        return Map.of("object", upload.object(),
                "etag", upload.etag(),
                "crc64", upload.crc64AsString(),
                "operation", upload.operation(), // PutObject, PostObject, CompleteMultipartUpload
                "width", image.width(), "height", image.height(), "format", image.format());
    }
    // end::upload[]

    // tag::json[]
    @OssCallback(path = "/oss/report", name = "report", bodyType = CallbackBodyType.JSON)
    public Map<String, Object> reportUploaded(@SystemVar("object") String key,
            @CallbackVar(value = "tenant", key = "tenantId") String tenant) { // body field "tenantId"
        return Map.of("object", key, "tenant", tenant);
    }
    // end::json[]
}
