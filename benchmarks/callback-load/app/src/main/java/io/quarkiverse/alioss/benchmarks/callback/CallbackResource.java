package io.quarkiverse.alioss.benchmarks.callback;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Resource methods with and without {@code @OssCallback}, all on the event loop ({@code Uni} returns). */
@Path("/rest")
public class CallbackResource {

    @Inject
    BareCallbackWork work;

    @POST
    @Path("callback")
    @OssCallback(name = "rest")
    public Uni<CallbackReceipt> callback(OssUpload upload, @CallbackVar("user") String user) {
        return Uni.createFrom().item(CallbackReceipt.of(upload, user));
    }

    /** The baseline: the same work by hand (verify, parse the form, reply). */
    @POST
    @Path("bare")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<CallbackReceipt> bare(byte[] body, @HeaderParam("authorization") String authorization,
            @HeaderParam("x-oss-pub-key-url") String keyUrl, @Context HttpServerRequest request) {
        return Uni.createFrom().item(work.receipt(request.uri(), authorization, keyUrl, body));
    }

    /** Reads the same form with RESTEasy Reactive's own form parameters, verifying nothing. */
    @POST
    @Path("form")
    public Uni<CallbackReceipt> form(@RestForm String bucket, @RestForm String object, @RestForm long size,
            @RestForm("x:user") String user) {
        return Uni.createFrom().item(new CallbackReceipt(bucket, object, size, user));
    }
}
