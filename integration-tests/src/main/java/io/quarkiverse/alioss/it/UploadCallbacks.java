package io.quarkiverse.alioss.it;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.ImageInfo;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;

/**
 * The demo's upload callback. OSS (the emulator in dev and test) calls it after storing a file; the generated route
 * has verified the OSS signature and the callback token before this method runs, so the values can be trusted.
 */
@ApplicationScoped
public class UploadCallbacks {

    /** The callback template name the uploading side asks for. */
    public static final String UPLOAD = "upload";

    @OssCallback(path = "/oss/uploaded", name = UPLOAD)
    public UploadReceipt uploaded(OssUpload upload, @CallbackVar("source") String source) {
        ImageInfo image = upload.imageInfo().orElse(null);
        return new UploadReceipt(upload.object(), upload.size(), upload.mimeType(),
                image == null ? null : image.width(), image == null ? null : image.height(),
                image == null ? null : image.format(), source, upload.operation());
    }
}
