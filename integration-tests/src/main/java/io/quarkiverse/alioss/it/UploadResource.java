package io.quarkiverse.alioss.it;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackReply;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;

/**
 * Server-side upload: {@code curl -F file=@photo.png http://localhost:8080/uploads} stores the file in OSS with the
 * upload callback attached and answers with what the callback method returned, as OSS relayed it.
 */
@Path("/uploads")
public class UploadResource {

    @Inject
    OssClient oss;

    @Inject
    @CallbackTemplateName(UploadCallbacks.UPLOAD)
    OssCallbackTemplate callback;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw new BadRequestException("Send the file as the multipart form field 'file', e.g. "
                    + "curl -F file=@photo.png http://localhost:8080/uploads");
        }
        UploadOptions options = UploadOptions.defaults().callback(callback.fill(Map.of("source", "server")));
        if (file.contentType() != null && !file.contentType().isBlank()) {
            options = options.contentType(file.contentType());
        }
        UploadResult result = oss.putObject(ObjectKeys.forFile(file.fileName()), file.uploadedFile(), options);
        OssCallbackReply reply = result.callbackReply().orElseThrow(() -> new IllegalStateException(
                "OSS stored " + result.key() + " but relayed no callback reply"));
        // the callback method's JSON, byte for byte as OSS relayed it
        return Response.ok(reply.bytes(), MediaType.APPLICATION_JSON).build();
    }
}
