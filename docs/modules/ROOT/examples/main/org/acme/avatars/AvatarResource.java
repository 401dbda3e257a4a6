package org.acme.avatars;

// tag::resource[]
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackSpec;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.model.UploadResult;

@Path("/avatars")
public class AvatarResource {

    @Inject
    OssClient oss;

    @Inject
    @CallbackTemplateName("avatar") // <1>
    OssCallbackTemplate avatarCallback;

    @PUT
    @Path("{user}")
    @Consumes("image/png")
    @Produces(MediaType.APPLICATION_JSON)
    public AvatarSaved upload(@RestPath String user, byte[] png) {
        if (!user.matches("[a-z0-9_-]{1,32}")) {
            throw new BadRequestException("user names are 1 to 32 of a-z, 0-9, _ and -");
        }
        OssCallbackSpec callback = avatarCallback.fill(Map.of("user", user)); // <2>
        UploadResult result = oss.putObject("avatars/" + user + ".png", png,
                UploadOptions.defaults().contentType("image/png").callback(callback)); // <3>
        return result.callbackReply().orElseThrow().as(AvatarSaved.class); // <4>
    }
}
// end::resource[]
