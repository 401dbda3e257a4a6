package org.acme.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;

@ApplicationScoped
public class InvoiceCallbacks {

    // tag::confirm[]
    @OssCallback(path = "/oss/invoice", name = "invoice", confirm = true)
    void invoiceUploaded(OssUpload upload) {
        // runs only when OSS holds this object with the size, ETag, CRC-64 and type the body claims
    }
    // end::confirm[]
}
