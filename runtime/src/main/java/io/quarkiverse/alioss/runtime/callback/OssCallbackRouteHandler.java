package io.quarkiverse.alioss.runtime.callback;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.Dependent;

import org.jboss.logging.Logger;

import io.quarkiverse.alioss.callback.OssCallbackRefusedException;
import io.quarkiverse.alioss.callback.OssCallbackVerificationException;
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
 * {@link #invokeMethod} as a direct call; this class does the rest, in order: read the raw body (413 above the limit),
 * verify the OSS signature (403), check the callback token (403), bind the parameters (400), invoke the method on the
 * thread the build chose, and reply with JSON (500 when the method fails, the refusal's own status when it refuses).
 */
public abstract class OssCallbackRouteHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(OssCallbackRouteHandler.class);

    private CallbackEndpoint endpoint;
    private CallbackRouteServices services;
    private CallbackArgumentBinder binder;
    private InjectableBean<Object> bean;
    private ArcContainer container;

    /** Called once by the recorder, before the route is mounted. */
    final void init(CallbackEndpoint endpoint, CallbackRouteServices services) {
        this.endpoint = endpoint;
        this.services = services;
        this.binder = new CallbackArgumentBinder(endpoint);
        this.container = Arc.container();
        this.bean = container.bean(endpoint.getBeanIdentifier());
        if (bean == null) {
            throw new IllegalStateException("No bean with identifier " + endpoint.getBeanIdentifier()
                    + " for @OssCallback method " + endpoint.getMethod());
        }
    }

    /** Calls the business method; {@code arguments} match its parameters in order, primitives boxed. */
    protected abstract Object invokeMethod(Object bean, Object[] arguments) throws Exception;

    @Override
    public final void handle(RoutingContext ctx) {
        Context context = Vertx.currentContext();
        String requestTarget = ctx.request().uri();
        CallbackBodyReader.read(ctx, services.maxBodySize())
                .onSuccess(body -> services.verifier()
                        .verifyAsync(requestTarget, ctx.request().getHeader("authorization"),
                                ctx.request().getHeader("x-oss-pub-key-url"), body)
                        .subscribe().with(
                                ignored -> onContext(context, () -> verified(ctx, context, requestTarget, body)),
                                failure -> onContext(context, () -> fail(ctx, failure))))
                .onFailure(failure -> fail(ctx, failure));
    }

    private void verified(RoutingContext ctx, Context context, String requestTarget, byte[] body) {
        Object[] arguments;
        try {
            CallbackFields fields = binder.parse(body);
            // the token is checked before conversion, so an edited x: value is a 403 whatever its type
            services.tokens().check(endpoint, requestTarget, binder.customValues(fields));
            arguments = binder.arguments(fields);
        } catch (RuntimeException e) {
            fail(ctx, e);
            return;
        }
        try {
            switch (endpoint.getInvocation()) {
                case EVENT_LOOP -> invoke(ctx, arguments);
                case WORKER -> context.executeBlocking(() -> {
                    invoke(ctx, arguments);
                    return null;
                }, false);
                case VIRTUAL_THREAD -> VirtualThreadsRecorder.getCurrent().execute(() -> invoke(ctx, arguments));
            }
        } catch (RuntimeException e) {
            // e.g. a worker pool that rejects the task during shutdown
            fail(ctx, e);
        }
    }

    /** Runs the method with the request context active and routes its outcome to the reply. */
    private void invoke(RoutingContext ctx, Object[] arguments) {
        InstanceHandle<Object> instance = null;
        ManagedContext requestContext = container.requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        Object result;
        try {
            instance = container.instance(bean);
            result = invokeMethod(instance.get(), arguments);
        } catch (Throwable t) {
            release(instance);
            fail(ctx, t);
            return;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
        InstanceHandle<Object> handle = instance;
        switch (endpoint.getResultKind()) {
            case UNI -> {
                if (result == null) {
                    release(handle);
                    fail(ctx, new NullPointerException("the method returned a null Uni"));
                    return;
                }
                ((Uni<?>) result).subscribe().with(
                        item -> complete(ctx, handle, item),
                        failure -> {
                            release(handle);
                            fail(ctx, failure);
                        });
            }
            case COMPLETION_STAGE -> {
                if (result == null) {
                    release(handle);
                    fail(ctx, new NullPointerException("the method returned a null CompletionStage"));
                    return;
                }
                ((CompletionStage<?>) result).whenComplete((item, failure) -> {
                    if (failure != null) {
                        release(handle);
                        fail(ctx, failure);
                    } else {
                        complete(ctx, handle, item);
                    }
                });
            }
            default -> complete(ctx, handle, result);
        }
    }

    private void complete(RoutingContext ctx, InstanceHandle<Object> instance, Object result) {
        release(instance);
        byte[] json;
        try {
            json = services.replies().serialize(result);
        } catch (Exception e) {
            fail(ctx, e);
            return;
        }
        services.replies().success(ctx, json);
    }

    private void release(InstanceHandle<Object> instance) {
        if (instance != null && bean.getScope() == Dependent.class) {
            instance.destroy();
        }
    }

    private void fail(RoutingContext ctx, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CallbackRejection rejection) {
            LOG.debugf("Callback %s refused with %d: %s", endpoint.getName(), rejection.status(), rejection.getMessage());
            services.replies().error(ctx, rejection.status(), rejection.getMessage());
        } else if (cause instanceof OssCallbackVerificationException verification) {
            LOG.debugf("Callback %s not verified: %s", endpoint.getName(), verification.getMessage());
            services.replies().error(ctx, 403, "callback verification failed: " + verification.reason());
        } else if (cause instanceof OssCallbackRefusedException refused) {
            LOG.debugf("Callback %s refused by %s with %d", endpoint.getName(), endpoint.getMethod(), refused.status());
            services.replies().error(ctx, refused.status(), refused.getMessage());
        } else {
            LOG.errorf(cause, "@OssCallback method %s failed", endpoint.getMethod());
            services.replies().error(ctx, 500, "callback method failed");
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
