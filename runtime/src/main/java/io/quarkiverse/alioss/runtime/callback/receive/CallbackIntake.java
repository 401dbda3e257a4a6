package io.quarkiverse.alioss.runtime.callback.receive;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackTemplate;
import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The receive pipeline of one callback endpoint, the same for generated routes and REST resource methods: read the raw
 * body (size limit, deadline), check its Content-Type, verify the OSS signature over the raw request target and body,
 * check the callback token against the body, bind the method's arguments, claim the token (single use), and confirm the
 * upload with OSS when the token or the method asks for it. Every failure becomes one {@link CallbackRefusal}.
 * <p>
 * The steps run one after the other on the calling thread as long as nothing has to be awaited, which is the usual
 * case (a pinned or fetched key, the in-memory token store, no confirmation); only a key fetch, a remote token store or
 * a confirmation continue later, from their {@code Uni}. Subscribing to a {@code Uni} per step cost the event loop
 * more than the token check (context propagation captures the context at every subscription).
 */
public final class CallbackIntake {

    /** Where the pipeline's single outcome goes: called exactly once, on the thread that completed the last step. */
    public interface Outcome {
        void accepted(Accepted accepted);

        void refused(Throwable failure);
    }

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

    private static final Runnable NOTHING_TO_RELEASE = () -> {
    };

    private final CallbackEndpoint endpoint;
    private final CallbackTemplate template;
    private final CallbackRouteServices services;
    private final CallbackArgumentBinder binder;
    private final String contentType;
    private final CallbackOutcomes outcomes;

    CallbackIntake(CallbackEndpoint endpoint, CallbackRouteServices services) {
        this.endpoint = endpoint;
        this.template = CallbackTemplate.of(endpoint);
        this.services = services;
        this.binder = new CallbackArgumentBinder(endpoint, template);
        this.contentType = endpoint.bodyType().contentType();
        this.outcomes = new CallbackOutcomes(endpoint, services.metrics().callback(endpoint.name()));
    }

    public static CallbackIntake of(CallbackEndpoint endpoint, CallbackRouteServices services) {
        return new CallbackIntake(endpoint, services);
    }

    /** The reply writer its refusals go out with. */
    public CallbackReplies replies() {
        return services.replies();
    }

    public CallbackEndpoint endpoint() {
        return endpoint;
    }

    /** Where the transport reports how each callback ended, once its reply is written. */
    public CallbackOutcomes outcomes() {
        return outcomes;
    }

    /** Reads the request's raw body, then {@link #accept}s it. Never blocks. */
    public void receive(RoutingContext ctx, Outcome outcome) {
        HttpServerRequest request = ctx.request();
        CallbackJournal journal = services.journal();
        boolean replayOfAccepted = journal.received(ctx, endpoint);
        String requestTarget = request.uri();
        String type = request.getHeader("content-type");
        String authorization = request.getHeader("authorization");
        String keyUrl = request.getHeader("x-oss-pub-key-url");
        CallbackBodyReader.read(ctx, services.settings().maxBodySize(), services.settings().readTimeout())
                .onComplete(read -> {
                    if (read.succeeded()) {
                        journal.bodyRead(ctx, read.result());
                        accept(requestTarget, type, authorization, keyUrl, read.result(), replayOfAccepted, outcome);
                    } else {
                        outcome.refused(read.cause());
                    }
                });
    }

    /** {@link #receive(RoutingContext, Outcome)} as a {@code Uni}. */
    public Uni<Accepted> receive(RoutingContext ctx) {
        return Uni.createFrom().emitter(emitter -> receive(ctx, outcome(emitter)));
    }

    /**
     * The transport-free part of the pipeline.
     *
     * @param requestTarget raw path and query as received
     * @param receivedContentType the Content-Type header, or null
     */
    public void accept(String requestTarget, String receivedContentType, String authorization, String keyUrl,
            byte[] body, Outcome outcome) {
        accept(requestTarget, receivedContentType, authorization, keyUrl, body, false, outcome);
    }

    /**
     * @param replayOfAccepted the Dev UI replays a delivery the application accepted: everything is verified again,
     *        but its token, used by that delivery, is not claimed (see {@link CallbackJournal#received})
     */
    private void accept(String requestTarget, String receivedContentType, String authorization, String keyUrl,
            byte[] body, boolean replayOfAccepted, Outcome outcome) {
        boolean verified;
        try {
            if (!contentType.equals(mediaType(receivedContentType))) {
                throw CallbackRejection.contentType(contentType, receivedContentType);
            }
            verified = services.verifier().verifyIfKeyKnown(requestTarget, authorization, keyUrl, body);
        } catch (Throwable e) {
            outcome.refused(e);
            return;
        }
        if (verified) {
            afterVerification(requestTarget, body, replayOfAccepted, outcome);
        } else {
            // the key of a trusted URL is fetched for the first time (or again, after a failure)
            services.verifier().verifyAsync(requestTarget, authorization, keyUrl, body).subscribe().with(
                    ignored -> afterVerification(requestTarget, body, replayOfAccepted, outcome), outcome::refused);
        }
    }

    /** {@link #accept(String, String, String, String, byte[], Outcome)} as a {@code Uni}. */
    public Uni<Accepted> accept(String requestTarget, String receivedContentType, String authorization, String keyUrl,
            byte[] body) {
        return Uni.createFrom().emitter(emitter -> accept(requestTarget, receivedContentType, authorization, keyUrl,
                body, outcome(emitter)));
    }

    private void afterVerification(String requestTarget, byte[] body, boolean replayOfAccepted, Outcome outcome) {
        CallbackToken.Presented token;
        CallbackFields fields;
        Object[] arguments;
        Boolean claimed;
        try {
            fields = binder.parse(body);
            // the token is checked before conversion: an edited x: value is a 403 whatever its type
            token = services.tokens() == null ? null : services.tokens().check(template, requestTarget, fields);
            arguments = binder.arguments(fields);
            claimed = token == null || replayOfAccepted ? Boolean.TRUE
                    : services.tokens().claimAtOnce(token, endpoint.name());
        } catch (Throwable e) {
            // anything at all, so that every request gets an answer
            outcome.refused(e);
            return;
        }
        Runnable release = token == null || replayOfAccepted ? NOTHING_TO_RELEASE
                : () -> services.tokens().release(token);
        boolean confirm = endpoint.confirm() || (token != null && token.confirm());
        Accepted accepted = new Accepted(body, arguments, release);
        if (claimed == null) {
            // a store that has to be asked, such as Redis
            services.tokens().claim(token, endpoint.name()).subscribe().with(
                    ignored -> confirmed(accepted, fields, confirm, outcome), outcome::refused);
        } else {
            confirmed(accepted, fields, confirm, outcome);
        }
    }

    /** The last step, once the token is claimed: the confirmation with OSS, when asked for. */
    private void confirmed(Accepted accepted, CallbackFields fields, boolean confirm, Outcome outcome) {
        if (!confirm) {
            outcome.accepted(accepted);
            return;
        }
        services.confirmation().confirm(template, fields).subscribe().with(
                ignored -> outcome.accepted(accepted),
                failure -> {
                    accepted.release.run();
                    outcome.refused(failure);
                });
    }

    /** Maps the failure of the request {@code ctx} to its reply, and logs it (rate-limited for refusals). */
    public CallbackRefusal refusal(Throwable failure, RoutingContext ctx) {
        return noted(CallbackRefusal.of(failure), ctx);
    }

    /** Maps a failure of the method to its reply, and logs it. */
    public CallbackRefusal methodRefusal(Throwable failure, RoutingContext ctx) {
        return noted(CallbackRefusal.ofMethod(failure), ctx);
    }

    private CallbackRefusal noted(CallbackRefusal refusal, RoutingContext ctx) {
        services.refusalLog().log(endpoint, refusal, ossRequestId(ctx));
        services.journal().refused(ctx, refusal);
        return refusal;
    }

    /** The id of the upload OSS calls back for, as OSS sends it; null when absent. */
    public static String ossRequestId(RoutingContext ctx) {
        return ctx.request().getHeader("x-oss-request-id");
    }

    private static Outcome outcome(UniEmitter<? super Accepted> emitter) {
        return new Outcome() {
            @Override
            public void accepted(Accepted accepted) {
                emitter.complete(accepted);
            }

            @Override
            public void refused(Throwable failure) {
                emitter.fail(failure);
            }
        };
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
