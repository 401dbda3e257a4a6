package io.quarkiverse.alioss.runtime.rest;

import java.io.ByteArrayInputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import io.quarkiverse.alioss.runtime.callback.CallbackIntake;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of an {@code @OssCallback} resource method: reads the raw body, verifies the OSS signature over the
 * raw request target and those bytes, checks the callback token and binds the callback parameters, all without
 * blocking. A refused callback is answered at once (403, 400, 413...) through the abort chain, so neither request
 * filters nor the method see it. An accepted one continues with the body handed back to RESTEasy Reactive, as an
 * entity stream and, for form bodies, as parsed form data, so the method can still read it; its reply is sent in one
 * piece, with a {@code Content-Length}, as OSS requires.
 */
final class RestCallbackVerificationHandler implements ServerRestHandler {

    private final String callbackName;
    private volatile CallbackIntake intake;

    RestCallbackVerificationHandler(String callbackName) {
        this.callbackName = callbackName;
    }

    @Override
    public void handle(ResteasyReactiveRequestContext context) {
        CallbackIntake intake = intake();
        RoutingContext routingContext = context.unwrap(RoutingContext.class);
        context.suspend();
        intake.receive(routingContext).subscribe().with(
                received -> {
                    try {
                        accept(context, routingContext, intake, received);
                    } catch (RuntimeException e) {
                        // the chain is suspended: whatever goes wrong must still answer
                        refuse(context, intake.refusal(e));
                        return;
                    }
                    context.resume();
                },
                failure -> refuse(context, intake.refusal(failure)));
    }

    /** Hands the verified body back to RESTEasy Reactive and keeps the bound callback parameters for the method. */
    private static void accept(ResteasyReactiveRequestContext context, RoutingContext routingContext,
            CallbackIntake intake, CallbackIntake.Received received) {
        RestCallbackArguments.store(context, intake.endpoint(), received.arguments());
        context.setInputStream(new ByteArrayInputStream(received.body()));
        context.setOutputStream(new WholeReplyOutputStream(context));
        if (FormBodies.isForm(routingContext.request().getHeader("content-type"))) {
            context.setFormData(FormBodies.parse(received.body()));
        }
    }

    /** Answers like {@code ContainerRequestContext.abortWith}: the application's exception mappers do not apply. */
    private static void refuse(ResteasyReactiveRequestContext context, CallbackIntake.Refusal refusal) {
        context.setResult(Response.status(refusal.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(refusal.json())
                .build());
        context.restart(context.getAbortHandlerChain(), true);
        context.resume();
    }

    private CallbackIntake intake() {
        CallbackIntake current = intake;
        if (current == null) {
            current = RestCallbackRegistry.intake(callbackName);
            intake = current;
        }
        return current;
    }
}
