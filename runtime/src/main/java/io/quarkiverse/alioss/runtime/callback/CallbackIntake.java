package io.quarkiverse.alioss.runtime.callback;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.callback.OssCallbackVerificationException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * What a generated route does before it invokes its method, for callers that invoke the method themselves: the
 * RESTEasy Reactive handler of an {@code @OssCallback} resource method. One instance per endpoint, sharing the
 * {@link CallbackRouteServices} of the routes, so both styles verify, check tokens, bind and refuse alike.
 */
public final class CallbackIntake {

    private static final Logger LOG = Logger.getLogger(CallbackIntake.class);

    /** A verified callback: the raw body exactly as received, and the arguments of the callback parameters. */
    public record Received(byte[] body, Object[] arguments) {
    }

    /** The reply to a refused callback: status and JSON body (the same shape the generated routes send). */
    public record Refusal(int status, byte[] json) {
    }

    private final CallbackEndpoint endpoint;
    private final CallbackRouteServices services;
    private final CallbackArgumentBinder binder;

    private CallbackIntake(CallbackEndpoint endpoint, CallbackRouteServices services) {
        this.endpoint = endpoint;
        this.services = services;
        this.binder = new CallbackArgumentBinder(endpoint);
    }

    public static CallbackIntake of(CallbackEndpoint endpoint, CallbackRouteServices services) {
        return new CallbackIntake(endpoint, services);
    }

    public CallbackEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Reads the raw body (with the size limit), verifies the OSS signature over the raw request target and body, checks
     * the callback token and binds the callback parameters. Never blocks; fails with the exceptions {@link #refusal}
     * turns into a reply.
     */
    public Uni<Received> receive(RoutingContext ctx) {
        String requestTarget = ctx.request().uri();
        String authorization = ctx.request().getHeader("authorization");
        String keyUrl = ctx.request().getHeader("x-oss-pub-key-url");
        return Uni.createFrom().completionStage(() -> CallbackBodyReader.read(ctx, services.maxBodySize())
                .toCompletionStage())
                .flatMap(body -> services.verifier().verifyAsync(requestTarget, authorization, keyUrl, body)
                        .map(ignored -> accept(requestTarget, body)));
    }

    /** The same order as the generated routes: token before conversion, so an edited x: value is a 403. */
    private Received accept(String requestTarget, byte[] body) {
        CallbackFields fields = binder.parse(body);
        services.tokens().check(endpoint, requestTarget, binder.customValues(fields));
        return new Received(body, binder.arguments(fields));
    }

    /** The status and reason a refused callback is answered with; never body content or signatures. */
    public Refusal refusal(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        int status;
        String reason;
        if (cause instanceof CallbackRejection rejection) {
            status = rejection.status();
            reason = rejection.getMessage();
        } else if (cause instanceof OssCallbackVerificationException verification) {
            status = 403;
            reason = "callback verification failed: " + verification.reason();
        } else {
            LOG.errorf(cause, "Receiving callback %s for %s failed", endpoint.getName(), endpoint.getMethod());
            return new Refusal(500, services.replies().errorJson(500, "callback handling failed"));
        }
        LOG.debugf("Callback %s refused with %d: %s", endpoint.getName(), status, reason);
        return new Refusal(status, services.replies().errorJson(status, reason));
    }
}
