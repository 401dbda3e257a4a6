package io.quarkiverse.alioss.runtime.callback;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The receive pipeline of one callback endpoint, the same for generated routes and REST resource methods: read the raw
 * body (size limit, deadline), check its Content-Type, verify the OSS signature over the raw request target and body,
 * check the callback token against the body, bind the method's arguments, claim the token (single use), and confirm the
 * upload with OSS when the token or the method asks for it. Every failure becomes one {@link CallbackRefusal}.
 */
public final class CallbackIntake {

    /**
     * A verified callback, ready for the method: the raw body exactly as received and the arguments of the callback
     * parameters. {@link #settle} must be called once the reply is known, so that a callback that ends up not accepted
     * gives its token back for OSS's next attempt.
     */
    public static final class Accepted {
        private final byte[] body;
        private final Object[] arguments;
        private final Runnable release;
        private final AtomicBoolean settled = new AtomicBoolean();

        Accepted(byte[] body, Object[] arguments, Runnable release) {
            this.body = body;
            this.arguments = arguments;
            this.release = release;
        }

        public byte[] body() {
            return body;
        }

        public Object[] arguments() {
            return arguments;
        }

        /** @param accepted whether OSS got the method's 200 reply; false releases the token. Only the first call counts. */
        public void settle(boolean accepted) {
            if (settled.compareAndSet(false, true) && !accepted) {
                release.run();
            }
        }
    }

    private final CallbackEndpoint endpoint;
    private final CallbackTemplate template;
    private final CallbackRouteServices services;
    private final CallbackArgumentBinder binder;
    private final String contentType;

    CallbackIntake(CallbackEndpoint endpoint, CallbackRouteServices services) {
        this.endpoint = endpoint;
        this.template = CallbackTemplate.of(endpoint);
        this.services = services;
        this.binder = new CallbackArgumentBinder(endpoint, template);
        this.contentType = endpoint.getBodyType().contentType();
    }

    public static CallbackIntake of(CallbackEndpoint endpoint, CallbackRouteServices services) {
        return new CallbackIntake(endpoint, services);
    }

    public CallbackEndpoint endpoint() {
        return endpoint;
    }

    /** Reads the request's raw body, then {@link #accept}s it. Never blocks. */
    public Uni<Accepted> receive(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String requestTarget = request.uri();
        String type = request.getHeader("content-type");
        String authorization = request.getHeader("authorization");
        String keyUrl = request.getHeader("x-oss-pub-key-url");
        return Uni.createFrom()
                .completionStage(() -> CallbackBodyReader
                        .read(ctx, services.settings().maxBodySize(), services.settings().readTimeout())
                        .toCompletionStage())
                .flatMap(body -> accept(requestTarget, type, authorization, keyUrl, body));
    }

    /**
     * The transport-free part of the pipeline.
     *
     * @param requestTarget raw path and query as received
     * @param receivedContentType the Content-Type header, or null
     */
    public Uni<Accepted> accept(String requestTarget, String receivedContentType, String authorization, String keyUrl,
            byte[] body) {
        if (!contentType.equals(mediaType(receivedContentType))) {
            return Uni.createFrom().failure(CallbackRejection.contentType(contentType, receivedContentType));
        }
        return services.verifier().verifyAsync(requestTarget, authorization, keyUrl, body)
                .flatMap(ignored -> afterVerification(requestTarget, body));
    }

    private Uni<Accepted> afterVerification(String requestTarget, byte[] body) {
        CallbackToken.Presented token;
        CallbackFields fields;
        Object[] arguments;
        try {
            fields = binder.parse(body);
            // the token is checked before conversion: an edited x: value is a 403 whatever its type
            token = services.tokens() == null ? null : services.tokens().check(template, requestTarget, fields);
            arguments = binder.arguments(fields);
        } catch (Throwable e) {
            // anything at all, so that every request gets an answer
            return Uni.createFrom().failure(e);
        }
        Runnable release = token == null ? () -> {
        } : () -> services.tokens().release(token);
        Uni<Void> claimed = token == null ? Uni.createFrom().voidItem()
                : services.tokens().claim(token, endpoint.getName());
        boolean confirm = endpoint.isConfirm() || (token != null && token.confirm());
        return claimed
                .flatMap(ignored -> confirm ? services.confirmation().confirm(template, fields).onFailure()
                        .invoke(release) : Uni.createFrom().voidItem())
                .map(ignored -> new Accepted(body, arguments, release));
    }

    /** Maps the failure to its reply, and logs it (rate-limited for refusals, always for errors). */
    public CallbackRefusal refusal(Throwable failure, String ossRequestId) {
        CallbackRefusal refusal = CallbackRefusal.of(failure);
        services.refusalLog().log(endpoint, refusal, ossRequestId);
        return refusal;
    }

    /** Maps a failure of the method to its reply, and logs it. */
    public CallbackRefusal methodRefusal(Throwable failure, String ossRequestId) {
        CallbackRefusal refusal = CallbackRefusal.ofMethod(failure);
        services.refusalLog().log(endpoint, refusal, ossRequestId);
        return refusal;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
