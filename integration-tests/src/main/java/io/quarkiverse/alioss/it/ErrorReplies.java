package io.quarkiverse.alioss.it;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssException;

/** Turns failures into a short JSON message ({@code {"error": "..."}}) that the page and curl users can read. */
public class ErrorReplies {

    private static final Logger LOG = Logger.getLogger(ErrorReplies.class);

    /** The body of every error reply. */
    public record ErrorMessage(String error) {
    }

    @ServerExceptionMapper
    public Response callbackFailed(OssCallbackFailedException e) {
        LOG.warn("Upload stored but its callback failed", e);
        return reply(Response.Status.BAD_GATEWAY, "The file was stored, but the upload callback failed: "
                + e.ossMessage());
    }

    @ServerExceptionMapper
    public Response ossFailed(OssException e) {
        LOG.warn("OSS request failed", e);
        return reply(Response.Status.BAD_GATEWAY, "OSS refused the request: " + e.code() + " " + e.ossMessage());
    }

    @ServerExceptionMapper
    public Response badArgument(IllegalArgumentException e) {
        return reply(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response webFailure(WebApplicationException e) {
        return reply(Response.Status.fromStatusCode(e.getResponse().getStatus()), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return reply(Response.Status.INTERNAL_SERVER_ERROR, "Something went wrong on the server: " + e.getMessage());
    }

    private static Response reply(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorMessage(message)).build();
    }
}
