package org.acme.verifier;

// tag::verifier[]
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.alioss.callback.OssCallbackVerificationException;
import io.quarkiverse.alioss.callback.OssCallbackVerifier;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;

@Path("/hand-written/callback")
public class HandWrittenCallbackResource {

    @Inject
    PendingUploads pendingUploads;

    @POST
    @Blocking // verify(..) may wait for a key download; on the event loop use verifyAsync(..)
    public Response callback(@Context HttpServerRequest request, byte[] body) {
        try {
            OssCallbackVerifier.ossDefault().verify(request.uri(), // <1>
                    request.getHeader("authorization"), request.getHeader("x-oss-pub-key-url"), body);
        } catch (OssCallbackVerificationException e) {
            return Response.status(403).entity("{\"reason\":\"" + e.reason() + "\"}").build(); // <2>
        }
        // Signed by OSS, but maybe for someone else's upload: accept it only with a token issued here
        if (!pendingUploads.consume(request.getParam("upload-token"))) { // <3>
            return Response.status(403).build();
        }
        return Response.ok("{\"status\":\"OK\"}").build();
    }
}
// end::verifier[]
