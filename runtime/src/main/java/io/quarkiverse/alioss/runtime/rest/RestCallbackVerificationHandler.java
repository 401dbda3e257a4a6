package io.quarkiverse.alioss.runtime.rest;

import java.io.ByteArrayInputStream;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.runtime.callback.CallbackRuntime;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackIntake;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackOutcomes;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackRefusal;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackReplies;
import io.quarkiverse.alioss.runtime.tracing.CallbackSpan;
import io.quarkiverse.alioss.runtime.tracing.CallbackSpans;
import io.quarkiverse.alioss.runtime.tracing.OssTracing;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of an {@code @OssCallback} resource method: runs the same {@link CallbackIntake} as the generated
 * routes (read, verify, token, bind, claim, confirm), without blocking. A refused callback is answered at once through
 * the abort chain, so neither request filters nor the method see it. An accepted one continues with the verified bytes
 * handed back to RESTEasy Reactive as the entity stream and, for form bodies, as the form data (never a form some other
 * handler parsed), and its reply is sent in one piece, with a {@code Content-Length}, as OSS requires.
 */
final class RestCallbackVerificationHandler implements ServerRestHandler {

    /**
     * One resource-method callback: its intake, the reply writer for its refusals, where each bound value is among the
     * intake's arguments, and what it adds to the server spans of its requests.
     */
    private record Registered(CallbackIntake intake, CallbackReplies replies, Map<String, Integer> argumentPositions,
            CallbackSpans spans) {
    }

    private final String callbackName;
    private final boolean formParameters;
    private volatile Registered registered;

    /** @param formParameters whether the method may read form parameters, which then come from the verified body */
    RestCallbackVerificationHandler(String callbackName, boolean formParameters) {
        this.callbackName = callbackName;
        this.formParameters = formParameters;
    }

    @Override
    public void handle(ResteasyReactiveRequestContext context) {
        long start = System.nanoTime();
        Registered endpoint = registered();
        CallbackIntake intake = endpoint.intake();
        RoutingContext routingContext = context.unwrap(RoutingContext.class);
        // here, on the request's own thread, the server span of the request is the current one
        CallbackSpan span = endpoint.spans().received(CallbackIntake.ossRequestId(routingContext));
        context.suspend();
        intake.receive(routingContext, new CallbackIntake.Outcome() {
            @Override
            public void accepted(CallbackIntake.Accepted accepted) {
                // accepted only when the request completes with a 200; anything else gives the token back
                context.registerCompletionCallback(failure -> {
                    int status = routingContext.response().getStatusCode();
                    accepted.settle(failure == null && status == 200);
                    intake.outcomes().completed(status, failure != null, start,
                            routingContext.response().bytesWritten());
                });
                try {
                    accept(context, endpoint, accepted, formParameters);
                } catch (Throwable e) {
                    // the chain is suspended: whatever goes wrong must still answer; the completion callback
                    // above reports this outcome
                    CallbackRefusal refusal = intake.refusal(e, routingContext);
                    refusal.reportTo(span);
                    answer(context, endpoint, refusal);
                    return;
                }
                // the method's status is known once its headers go out, while the server span is still open
                routingContext.addHeadersEndHandler(headersWritten -> {
                    int status = routingContext.response().getStatusCode();
                    if (status == 200) {
                        span.accepted();
                    } else {
                        span.refused(CallbackOutcomes.methodOutcomeCode(status, false),
                                CallbackOutcomes.isMethodFailure(status, false));
                    }
                });
                context.resume();
            }

            @Override
            public void refused(Throwable failure) {
                CallbackRefusal refusal = intake.refusal(failure, routingContext);
                refusal.reportTo(span);
                refuse(context, endpoint, refusal, start);
            }
        });
    }

    /**
     * Hands the verified body back to RESTEasy Reactive and keeps the bound callback parameters for the method. The
     * form data is set either way, so that nothing else supplies it; it is parsed only for a method that may read it.
     */
    private static void accept(ResteasyReactiveRequestContext context, Registered endpoint,
            CallbackIntake.Accepted accepted, boolean formParameters) {
        CallbackIntake intake = endpoint.intake();
        RestCallbackArguments.store(context, endpoint.argumentPositions(), accepted.arguments());
        context.setInputStream(new ByteArrayInputStream(accepted.body()));
        context.setOutputStream(new WholeReplyOutputStream(context));
        context.setFormData(formParameters && intake.endpoint().bodyType() == CallbackBodyType.FORM
                ? FormBodies.parse(accepted.body())
                : FormBodies.empty());
    }

    /** Answers like {@code ContainerRequestContext.abortWith}: the application's exception mappers do not apply. */
    private static void refuse(ResteasyReactiveRequestContext context, Registered endpoint,
            CallbackRefusal refusal, long start) {
        endpoint.intake().outcomes().refused(refusal, start);
        answer(context, endpoint, refusal);
    }

    private static void answer(ResteasyReactiveRequestContext context, Registered endpoint, CallbackRefusal refusal) {
        context.setResult(Response.status(refusal.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(endpoint.replies().json(refusal))
                .build());
        context.restart(context.getAbortHandlerChain(), true);
        context.resume();
    }

    private Registered registered() {
        Registered current = registered;
        if (current == null) {
            // looked up on first use: RESTEasy Reactive builds its handler chains before the intakes exist
            CallbackIntake intake = CallbackRuntime.current().resourceMethod(callbackName);
            current = new Registered(intake, intake.replies(), RestCallbackArguments.positions(intake.endpoint()),
                    OssTracing.current().callback(callbackName));
            registered = current;
        }
        return current;
    }
}
