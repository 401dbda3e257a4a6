package io.quarkiverse.alioss.runtime.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackJournal;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackRouteServices;
import io.quarkiverse.alioss.runtime.callback.receive.OssCallbackRouteHandler;
import io.quarkiverse.alioss.runtime.callback.template.CallbackTemplateRegistry;
import io.quarkiverse.alioss.runtime.callback.template.RouteCallbackTemplate;
import io.quarkiverse.alioss.runtime.callback.token.CallbackTokenStore;
import io.quarkiverse.alioss.runtime.client.OssClientsByBucket;
import io.quarkiverse.alioss.runtime.config.OssCallbackSettings;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.quarkiverse.alioss.runtime.devui.DevCallbackJournal;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.Vertx;

/** Creates the generated {@code @OssCallback} route handlers and what they share, at run-time init. */
@Recorder
public class OssCallbackRecorder {

    /**
     * Reads {@code quarkus.oss.callback.*} as the start-up validation resolved it.
     *
     * @param devJournal whether to keep the journal of callback requests that the Dev UI shows (dev mode only)
     */
    public RuntimeValue<CallbackRouteServices> services(RuntimeValue<CallbackTokenStore> store,
            ShutdownContext shutdown, boolean devJournal) {
        OssSettingsRegistry registry = Arc.container().instance(OssSettingsRegistry.class).get();
        OssCallbackSettings settings = registry.callback();
        ObjectMapper objectMapper = Arc.container().instance(ObjectMapper.class).get();
        Vertx vertx = Arc.container().instance(Vertx.class).get();
        OssClientsByBucket clients = new OssClientsByBucket(registry, vertx, objectMapper);
        shutdown.addShutdownTask(clients::close);
        // a static factory typed as the interface: outside dev mode the journal class is never loaded
        CallbackJournal journal = devJournal ? DevCallbackJournal.create(vertx.getDelegate()) : CallbackJournal.NONE;
        CallbackRuntime.current().installJournal(journal);
        return new RuntimeValue<>(CallbackRouteServices.create(settings, vertx, objectMapper, store.getValue(),
                clients, journal));
    }

    /** Instantiates the handler class generated for one method (registered for reflection for this one call). */
    public Handler<RoutingContext> handler(String handlerClass, CallbackEndpoint endpoint,
            RuntimeValue<CallbackRouteServices> services) {
        OssCallbackRouteHandler handler;
        try {
            handler = (OssCallbackRouteHandler) Thread.currentThread().getContextClassLoader().loadClass(handlerClass)
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create the route handler of @OssCallback method "
                    + endpoint.method(), e);
        }
        handler.init(endpoint, services.getValue());
        return handler;
    }

    /** Builds the callback templates of all routes, for the template beans to hand out. */
    public void templates(List<CallbackEndpoint> endpoints, String rootPath,
            RuntimeValue<CallbackRouteServices> services) {
        CallbackRouteServices shared = services.getValue();
        Map<String, OssCallbackTemplate> templates = new LinkedHashMap<>();
        for (CallbackEndpoint endpoint : endpoints) {
            CallbackTemplate template = CallbackTemplate.of(endpoint, shared.settings().endpoint(endpoint.name()));
            templates.put(endpoint.name(), new RouteCallbackTemplate(endpoint, template, shared.settings(), rootPath,
                    shared.tokenIssuer()));
        }
        CallbackRuntime.current().installTemplates(new CallbackTemplateRegistry(templates));
    }

    public Supplier<OssCallbackTemplate> template(String name) {
        return () -> CallbackRuntime.current().templates().get(name);
    }

    public Supplier<OssCallbackTemplates> templateRegistry() {
        return () -> CallbackRuntime.current().templates();
    }

    /** OSS always sends callbacks as POST; other methods get 405 from the router. */
    public Consumer<Route> postOnly() {
        return route -> route.method(HttpMethod.POST);
    }
}
