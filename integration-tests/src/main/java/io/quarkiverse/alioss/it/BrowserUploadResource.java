package io.quarkiverse.alioss.it;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.presign.PostObjectForm;
import io.quarkiverse.alioss.presign.PostObjectRequest;

/**
 * The first half of a browser direct upload: the page says which file it wants to upload and gets a signed PostObject
 * form for exactly one key, with the upload callback in it. The file itself goes from the browser to OSS.
 */
@Path("/uploads/form")
public class BrowserUploadResource {

    /** How long the page may use the form. */
    static final Duration FORM_VALIDITY = Duration.ofMinutes(10);
    /** The largest file the demo accepts from a browser; OSS enforces it through the policy. */
    static final long MAX_FILE_SIZE = 100L * 1024 * 1024;

    /** What the page sends: the picked file's name and type. */
    public record FormRequest(String fileName, String contentType) {
    }

    @Inject
    OssClient oss;

    @Inject
    @CallbackTemplateName(UploadCallbacks.UPLOAD)
    OssCallbackTemplate callback;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public PostObjectForm form(FormRequest request) {
        if (request == null || request.fileName() == null || request.fileName().isBlank()) {
            throw new BadRequestException("Send the name of the file to upload, e.g. {\"fileName\": \"photo.png\"}");
        }
        PostObjectRequest form = PostObjectRequest.forKey(ObjectKeys.forFile(request.fileName()))
                .validity(FORM_VALIDITY)
                .sizeRange(1, MAX_FILE_SIZE)
                // the policy pins x:source, so a page that edits it is refused by OSS
                .callback(callback.fill(Map.of("source", "browser")));
        if (request.contentType() != null && !request.contentType().isBlank()) {
            form = form.contentType(request.contentType());
        }
        return oss.presigner().postObjectForm(form);
    }
}
