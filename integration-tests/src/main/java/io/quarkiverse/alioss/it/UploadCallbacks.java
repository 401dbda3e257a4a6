package io.quarkiverse.alioss.it;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.ImageInfo;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;

/**
 * The demo's upload callback. OSS (the emulator in dev and test) calls it after storing a file. Before this method
 * runs, the generated route has verified the OSS signature, checked that the callback token was issued by this application
 * for exactly this bucket, object and {@code x:source} (and not used before), and, for the browser's PostObject form,
 * asked OSS whether it holds that object with this size, ETag and CRC-64. So the object, size, content type and
 * source can be trusted; the image dimensions are what OSS measured for the stored object.
 */
@ApplicationScoped
public class UploadCallbacks {

    /** The callback template name the uploading side asks for. */
    public static final String UPLOAD = "upload";

    private static final Logger LOG = Logger.getLogger(UploadCallbacks.class);

    @OssCallback(path = "/oss/uploaded", name = UPLOAD)
    public UploadReceipt uploaded(OssUpload upload, @CallbackVar("source") String source) {
        LOG.infof("Upload of %s (%d bytes) from %s received", upload.object(), upload.size(), source);
        ImageInfo image = upload.imageInfo().orElse(null);
        return new UploadReceipt(upload.object(), upload.size(), upload.mimeType(),
                image == null ? null : image.width(), image == null ? null : image.height(),
                image == null ? null : image.format(), source, upload.operation());
    }
}
