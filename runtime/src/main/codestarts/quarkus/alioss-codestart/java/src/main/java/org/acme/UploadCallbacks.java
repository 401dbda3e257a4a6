package org.acme;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;

@ApplicationScoped
public class UploadCallbacks {

    /**
     * Runs after OSS has stored a file uploaded with the "upload" callback. The route checks that the call comes from
     * OSS, for an upload this application prepared, before this method runs. OSS must reach the route from the
     * internet: in production set quarkus.oss.callback.base-url (Dev Services sets it in dev and test mode).
     */
    @OssCallback(path = "/oss/upload", name = "upload")
    public UploadReceipt uploaded(OssUpload upload, @CallbackVar("filename") String filename) {
        return new UploadReceipt(filename, upload.object(), upload.size(), upload.mimeType());
    }
}
