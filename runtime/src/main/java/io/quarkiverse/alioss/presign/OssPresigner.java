package io.quarkiverse.alioss.presign;

import java.time.Duration;

/**
 * Signs requests that someone else sends: presigned URLs and browser PostObject forms, for one client's bucket and
 * credentials. Nothing is sent, so the same presigner serves the blocking and the reactive client; thread-safe.
 *
 * @see io.quarkiverse.alioss.OssClient#presigner()
 * @see io.quarkiverse.alioss.ReactiveOssClient#presigner()
 */
public interface OssPresigner {

    /** A URL that lets anyone GET the object until it expires (at most 7 days with V4). */
    PresignedRequest presignGet(String key, Duration validity);

    /**
     * A URL that lets anyone GET the object until it expires, with the response headers and image process of
     * {@code request} signed in.
     */
    PresignedRequest presignGet(PresignGetRequest request);

    /**
     * A URL that lets anyone PUT the object until it expires; a content type in the request is signed and must be sent
     * as is, a callback is signed into the URL so OSS calls back after the upload.
     */
    PresignedRequest presignPut(PresignPutRequest request);

    /** Form fields and URL for a browser upload with a policy OSS enforces; see {@link PostObjectRequest}. */
    PostObjectForm postObjectForm(PostObjectRequest request);
}
