package org.acme;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;

/**
 * Stores a file in OSS with the "upload" callback and answers with the callback's reply. In dev and test mode Dev
 * Services starts an OSS emulator; production needs the settings listed in README.md.
 */
@Path("/uploads")
public class UploadResource {

    @Inject
    OssClient oss;

    // the template of the @OssCallback named "upload": its URL and a body with the variables the method binds
    @Inject
    @CallbackTemplateName("upload")
    OssCallbackTemplate uploadCallback;

    @PUT
    @Path("{filename}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public UploadReceipt upload(@RestPath String filename, @RestHeader("Content-Type") String contentType,
            byte[] content) {
        if (!filename.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new BadRequestException("file names are 1 to 100 of A-Z, a-z, 0-9, '.', '_' and '-'");
        }
        // one value per custom variable; the spec also carries a fresh token that OSS sends back with the callback
        OssCallbackSpec callback = uploadCallback.fill(Map.of("filename", filename));
        UploadResult result = oss.putObject("uploads/" + UUID.randomUUID(), content,
                UploadOptions.defaults()
                        .contentType(contentType != null ? contentType : MediaType.APPLICATION_OCTET_STREAM)
                        .callback(callback));
        // OSS stored the file, called UploadCallbacks.uploaded, and relays its reply in the upload's answer
        return result.callbackReply().orElseThrow().as(UploadReceipt.class);
    }
}
