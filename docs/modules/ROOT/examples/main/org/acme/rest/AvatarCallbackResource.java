package org.acme.rest;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;

// tag::rest[]
@Path("/callbacks")
public class AvatarCallbackResource {

    @Inject
    Avatars avatars;

    @POST
    @Path("avatar")
    @OssCallback(name = "avatarRest")
    public RestResponse<Avatars.AvatarSaved> uploaded(OssUpload upload, @CallbackVar("user") String user,
            @RestQuery("trace") Optional<String> trace) {
        return RestResponse.ok(avatars.save(user, upload.object(), upload.size()));
    }
}
// end::rest[]
