package io.quarkiverse.alioss.runtime.callback.receive;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.Dependent;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.tracing.CallbackSpan;
import io.quarkiverse.alioss.runtime.tracing.CallbackSpans;
import io.quarkiverse.alioss.runtime.tracing.OssTracing;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableBean;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.arc.ManagedContext;
import io.quarkus.virtual.threads.VirtualThreadsRecorder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The route handler of one {@code @OssCallback} method. The build generates one subclass per method that implements
 * {@link #invokeMethod} as a direct call. This class adapts the route to the {@link CallbackIntake} (read, verify,
 * token, bind, claim, confirm), invokes the method on the thread the build chose, and replies: the method's result as
 * JSON, or the {@link CallbackRefusal} of whatever failed.
 */
public abstract class OssCallbackRouteHandler implements Handler<RoutingContext> {

    /** Where a request keeps its {@link CallbackSpan} until the reply. */
    private static final String SPAN = OssCallbackRouteHandler.class.getName() + ".span";

    private CallbackIntake intake;
    private CallbackEndpoint endpoint;
    private CallbackReplies replies;
    private CallbackOutcomes outcomes;
    private CallbackSpans spans;
    private InjectableBean<Object> bean;
    private ArcContainer container;

    /** Called once by the recorder, before the route is mounted. */
    public final void init(CallbackEndpoint endpoint, CallbackRouteServices services) {
        this.endpoint = endpoint;
        this.intake = CallbackIntake.of(endpoint, services);
        this.replies = services.replies();
        this.outcomes = intake.outcomes();
        this.spans = OssTracing.current().callback(endpoint.name());
        this.container = Arc.container();
        this.bean = container.bean(endpoint.beanIdentifier());
        if (bean == null) {
            throw new IllegalStateException("No bean with identifier " + endpoint.beanIdentifier()
                    + " for @OssCallback method " + endpoint.method());
        }
    }

    /** Calls the business method; {@code arguments} match its parameters in order, primitives boxed. */
    protected abstract Object invokeMethod(Object bean, Object[] arguments) throws Exception;

    @Override
    public final void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        Context context = Vertx.currentContext();
        // here, on the request's own thread, the server span of the request is the current one
        ctx.put(SPAN, spans.received(CallbackIntake.ossRequestId(ctx)));
        intake.receive(ctx, new CallbackIntake.Outcome() {
            @Override
            public void accepted(CallbackIntake.Accepted accepted) {
                onContext(context, () -> OssCallbackRouteHandler.this.accepted(ctx, context, accepted, start));
            }

            @Override
            public void refused(Throwable failure) {
                onContext(context, () -> refuse(ctx, intake.refusal(failure, ctx), start));
            }
        });
    }

    private void accepted(RoutingContext ctx, Context context, CallbackIntake.Accepted accepted, long start) {
        // a connection lost before the reply gives the token back; otherwise the reply itself settles it
        ctx.addEndHandler(ignored -> {
            if (!ctx.response().ended()) {
                accepted.settle(false);
            }
        });
        try {
            switch (endpoint.invocation()) {
                case EVENT_LOOP -> invoke(ctx, accepted, start);
                case WORKER -> context.executeBlocking(() -> {
                    invoke(ctx, accepted, start);
                    return null;
                }, false);
                case VIRTUAL_THREAD -> VirtualThreadsRecorder.getCurrent()
                        .execute(() -> invoke(ctx, accepted, start));
            }
        } catch (RuntimeException e) {
            // e.g. a worker pool that rejects the task during shutdown
            failed(ctx, accepted, e, start);
        }
    }

    /** Runs the method with the request context active and routes its outcome to the reply. */
    private void invoke(RoutingContext ctx, CallbackIntake.Accepted accepted, long start) {
        InstanceHandle<Object> instance = null;
        ManagedContext requestContext = container.requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        Object result;
        try {
            instance = container.instance(bean);
            result = invokeMethod(instance.get(), accepted.arguments());
        } catch (Throwable t) {
            release(instance);
            failed(ctx, accepted, t, start);
            return;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
        InstanceHandle<Object> handle = instance;
        switch (endpoint.resultKind()) {
            case UNI -> {
                if (result == null) {
                    release(handle);
                    failed(ctx, accepted, new NullPointerException("the method returned a null Uni"), start);
                    return;
                }
                ((Uni<?>) result).subscribe().with(item -> complete(ctx, accepted, handle, item, start), failure -> {
                    release(handle);
                    failed(ctx, accepted, failure, start);
                });
            }
            case COMPLETION_STAGE -> {
                if (result == null) {
                    release(handle);
                    failed(ctx, accepted, new NullPointerException("the method returned a null CompletionStage"),
                            start);
                    return;
                }
                ((CompletionStage<?>) result).whenComplete((item, failure) -> {
                    if (failure != null) {
                        release(handle);
                        failed(ctx, accepted, failure, start);
                    } else {
                        complete(ctx, accepted, handle, item, start);
                    }
                });
            }
            default -> complete(ctx, accepted, handle, result, start);
        }
    }

    /** The method's reply; the token stays used once it is written, and is given back if it cannot be. */
    private void complete(RoutingContext ctx, CallbackIntake.Accepted accepted, InstanceHandle<Object> instance,
            Object result, long start) {
        release(instance);
        byte[] json;
        try {
            json = replies.serialize(result);
        } catch (Exception e) {
            failed(ctx, accepted, e, start);
            return;
        }
        // before the reply: the server span ends with it
        span(ctx).accepted();
        replies.success(ctx, json).onComplete(written -> {
            accepted.settle(written.succeeded());
            if (written.succeeded()) {
                outcomes.accepted(start, json.length);
            } else {
                outcomes.notDelivered(start);
            }
        });
    }

    private void release(InstanceHandle<Object> instance) {
        if (instance != null && bean.getScope() == Dependent.class) {
            instance.destroy();
        }
    }

    /** The callback is not accepted after all: its token is given back for OSS's next attempt. */
    private void failed(RoutingContext ctx, CallbackIntake.Accepted accepted, Throwable failure, long start) {
        accepted.settle(false);
        refuse(ctx, intake.methodRefusal(failure, ctx), start);
    }

    private void refuse(RoutingContext ctx, CallbackRefusal refusal, long start) {
        refusal.reportTo(span(ctx));
        replies.refuse(ctx, refusal);
        outcomes.refused(refusal, start);
    }

    private static CallbackSpan span(RoutingContext ctx) {
        CallbackSpan span = ctx.get(SPAN);
        return span == null ? CallbackSpan.NONE : span;
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
