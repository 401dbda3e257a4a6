package io.quarkiverse.alioss.deployment.callback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.alioss.callback.CallbackTemplateName;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackResultKind;
import io.quarkiverse.alioss.runtime.callback.CallbackRouteServices;
import io.quarkiverse.alioss.runtime.callback.OssCallbackRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AutoAddScopeBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuiltinScope;
import io.quarkus.deployment.GeneratedClassGizmo2Adaptor;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.GeneratedClassBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;
import io.quarkus.deployment.execannotations.ExecutionModelAnnotationsAllowedBuildItem;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.vertx.http.deployment.HttpRootPathBuildItem;
import io.quarkus.vertx.http.deployment.RouteBuildItem;
import io.quarkus.vertx.http.deployment.devmode.RouteDescriptionBuildItem;
import io.quarkus.vertx.http.runtime.HandlerType;

/**
 * Turns {@code @OssCallback} bean methods into verified Vert.x routes: finds and validates them during bean
 * validation, generates one handler class per method, and mounts it under {@code quarkus.http.root-path}.
 */
class OssCallbackProcessor {

    @BuildStep
    AutoAddScopeBuildItem makeCallbackDeclaringClassesBeans() {
        return AutoAddScopeBuildItem.builder()
                .containsAnnotations(CallbackDotNames.OSS_CALLBACK)
                .defaultScope(BuiltinScope.SINGLETON)
                .reason("Found @OssCallback methods")
                .build();
    }

    /**
     * {@code @OssCallback} methods are entry points the generated routes invoke, so {@code @Blocking},
     * {@code @NonBlocking} and {@code @RunOnVirtualThread} on them choose their thread; without this, Quarkus fails the
     * build of any application outside {@code io.quarkiverse.*} that uses them.
     */
    @BuildStep
    ExecutionModelAnnotationsAllowedBuildItem allowThreadingAnnotationsOnCallbacks() {
        return new ExecutionModelAnnotationsAllowedBuildItem(
                method -> method.hasDeclaredAnnotation(CallbackDotNames.OSS_CALLBACK));
    }

    @BuildStep
    UnremovableBeanBuildItem keepCallbackBeans() {
        // only the generated handlers look these beans up
        return UnremovableBeanBuildItem.beanClassAnnotation(CallbackDotNames.OSS_CALLBACK);
    }

    /** The template qualifier must be in the bean archive index even when the application never uses it. */
    @BuildStep
    AdditionalBeanBuildItem indexTemplateQualifier() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(CallbackTemplateName.class).build();
    }

    /**
     * Declares one {@code @CallbackTemplateName("name") OssCallbackTemplate} bean per callback name, plus the
     * {@code OssCallbackTemplates} registry. Runs before bean validation (from the index), so that an injection point
     * naming an unknown callback fails the build as an unsatisfied dependency.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void declareTemplateBeans(CombinedIndexBuildItem index, OssCallbackRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        beans.produce(SyntheticBeanBuildItem.configure(OssCallbackTemplates.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.templateRegistry())
                .setRuntimeInit()
                .done());
        Set<String> names = new TreeSet<>();
        for (AnnotationInstance callback : index.getIndex().getAnnotations(CallbackDotNames.OSS_CALLBACK)) {
            if (callback.target().kind() == AnnotationTarget.Kind.METHOD) {
                names.add(CallbackMethodModel.callbackName(callback.target().asMethod(), callback));
            }
        }
        for (String name : names) {
            beans.produce(SyntheticBeanBuildItem.configure(OssCallbackTemplate.class)
                    .scope(Singleton.class)
                    .addQualifier(AnnotationInstance.builder(CallbackTemplateName.class).value(name).build())
                    .supplier(recorder.template(name))
                    .setRuntimeInit()
                    .done());
        }
    }

    @BuildStep
    void findCallbackMethods(ValidationPhaseBuildItem validationPhase, CombinedIndexBuildItem index,
            HttpRootPathBuildItem httpRootPath, List<RestCallbackMethodBuildItem> restMethods,
            BuildProducer<CallbackMethodBuildItem> callbackMethods,
            BuildProducer<ValidationErrorBuildItem> errors) {
        List<String> problems = new ArrayList<>();
        List<CallbackMethodBuildItem> found = new ArrayList<>();
        Set<MethodInfo> onBeans = new HashSet<>();
        for (BeanInfo bean : validationPhase.getContext().beans().classBeans()) {
            ClassInfo beanClass = bean.getTarget().get().asClass();
            for (MethodInfo method : beanClass.methods()) {
                AnnotationInstance callback = method.declaredAnnotation(CallbackDotNames.OSS_CALLBACK);
                if (callback == null) {
                    continue;
                }
                onBeans.add(method);
                CallbackEndpoint endpoint = new CallbackEndpoint();
                endpoint.setBeanIdentifier(bean.getIdentifier());
                RestCallbackMethodBuildItem rest = restMethods.stream().filter(r -> r.describes(method)).findFirst()
                        .orElse(null);
                CallbackMethodModel model = CallbackMethodModel.analyze(method, callback, httpRootPath.getRootPath(),
                        endpoint, rest);
                if (model.problems().isEmpty()) {
                    found.add(new CallbackMethodBuildItem(bean, method, endpoint, rest != null));
                } else {
                    problems.addAll(model.problems());
                }
            }
        }
        for (AnnotationInstance callback : index.getIndex().getAnnotations(CallbackDotNames.OSS_CALLBACK)) {
            if (callback.target().kind() == AnnotationTarget.Kind.METHOD
                    && !onBeans.contains(callback.target().asMethod())) {
                MethodInfo method = callback.target().asMethod();
                problems.add("@OssCallback method " + CallbackMethodDescriptions.describe(method)
                        + " is not declared on a bean class: declare it on a concrete, non-abstract class "
                        + "(a bean scope is added when missing)");
            }
        }
        problems.addAll(duplicates(found));
        problems.forEach(problem -> errors.produce(new ValidationErrorBuildItem(new DeploymentException(problem))));
        if (problems.isEmpty()) {
            found.forEach(callbackMethods::produce);
        }
    }

    private static List<String> duplicates(List<CallbackMethodBuildItem> callbacks) {
        List<String> problems = new ArrayList<>();
        Map<String, String> byPath = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (CallbackMethodBuildItem callback : sorted(callbacks)) {
            CallbackEndpoint endpoint = callback.endpoint();
            String samePath = byPath.putIfAbsent(endpoint.getPath(), endpoint.getMethod());
            if (samePath != null) {
                problems.add("@OssCallback method " + endpoint.getMethod() + " uses the path " + endpoint.getPath()
                        + " already used by " + samePath);
            }
            String sameName = byName.putIfAbsent(endpoint.getName(), endpoint.getMethod());
            if (sameName != null) {
                problems.add("@OssCallback method " + endpoint.getMethod() + " uses the name \"" + endpoint.getName()
                        + "\" already used by " + sameName);
            }
        }
        return problems;
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void mountCallbackRoutes(List<CallbackMethodBuildItem> callbacks, OssCallbackRecorder recorder,
            HttpRootPathBuildItem httpRootPath, LaunchModeBuildItem launchMode, CallbackTokenStoreBuildItem tokenStore,
            ShutdownContextBuildItem shutdown,
            BuildProducer<GeneratedClassBuildItem> generatedClasses,
            BuildProducer<GeneratedResourceBuildItem> generatedResources,
            BuildProducer<ReflectiveClassBuildItem> reflectiveClasses,
            BuildProducer<ReflectiveHierarchyBuildItem> reflectiveHierarchy,
            BuildProducer<RouteBuildItem> routes,
            BuildProducer<RouteDescriptionBuildItem> descriptions,
            BuildProducer<CallbackServicesBuildItem> servicesItem) {
        if (callbacks.isEmpty()) {
            // replaces the templates of a previous dev-mode generation, whose runtime classes may be shared
            recorder.noTemplates();
            return;
        }
        RuntimeValue<CallbackRouteServices> services = recorder.services(launchMode.getLaunchMode(),
                tokenStore.store(), shutdown);
        servicesItem.produce(new CallbackServicesBuildItem(services));
        Gizmo gizmo = Gizmo.create(new GeneratedClassGizmo2Adaptor(generatedClasses, generatedResources, true))
                .withDebugInfo(false)
                .withParameters(false);
        List<CallbackEndpoint> endpoints = new ArrayList<>();
        for (CallbackMethodBuildItem callback : sorted(callbacks)) {
            CallbackEndpoint endpoint = callback.endpoint();
            endpoints.add(endpoint);
            if (callback.restResourceMethod()) {
                continue; // RESTEasy Reactive serves it (RestCallbackProcessor); its template is recorded with the rest
            }
            String handlerClass = CallbackHandlerGenerator.generate(gizmo, callback.bean(), callback.method());
            // the recorder instantiates the handler by name once, at startup
            reflectiveClasses.produce(ReflectiveClassBuildItem.builder(handlerClass).constructors().build());
            registerReplyForJackson(callback.method(), endpoint, reflectiveHierarchy);
            routes.produce(httpRootPath.routeBuilder()
                    // relative, so that it is resolved under quarkus.http.root-path (a leading '/' means absolute)
                    .routeFunction(endpoint.getPath().substring(1), recorder.postOnly())
                    .handler(recorder.handler(handlerClass, endpoint, services))
                    .handlerType(HandlerType.NORMAL)
                    .displayOnNotFoundPage("OSS callback \"" + endpoint.getName() + "\" (POST)")
                    .build());
            if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT) {
                descriptions.produce(new RouteDescriptionBuildItem(endpoint.getMethod(), endpoint.getFullPath(), "POST",
                        new String[] { "application/json" }, new String[] { endpoint.getBodyType().contentType() }));
            }
        }
        recorder.templates(endpoints, httpRootPath.getRootPath(), services);
    }

    /** Return types are serialized with Jackson; native images need their members registered. */
    private static void registerReplyForJackson(MethodInfo method, CallbackEndpoint endpoint,
            BuildProducer<ReflectiveHierarchyBuildItem> reflectiveHierarchy) {
        Type reply = method.returnType();
        if (endpoint.getResultKind() == CallbackResultKind.VOID) {
            return;
        }
        if (endpoint.getResultKind() != CallbackResultKind.VALUE) {
            reply = reply.asParameterizedType().arguments().get(0);
        }
        if (reply.kind() == Type.Kind.PRIMITIVE || reply.name().equals(DotName.createSimple(String.class))
                || reply.name().equals(DotName.createSimple(Void.class))) {
            return;
        }
        reflectiveHierarchy.produce(ReflectiveHierarchyBuildItem.builder(reply)
                .source(OssCallbackProcessor.class.getSimpleName() + " > " + endpoint.getMethod())
                .build());
    }

    /** Stable order, so that generated bytecode and error messages do not depend on index iteration order. */
    private static List<CallbackMethodBuildItem> sorted(List<CallbackMethodBuildItem> callbacks) {
        List<CallbackMethodBuildItem> sorted = new ArrayList<>(callbacks);
        sorted.sort(Comparator.comparing((CallbackMethodBuildItem c) -> c.method().declaringClass().name().toString())
                .thenComparing(c -> c.method().name())
                .thenComparing(c -> c.method().toString()));
        return sorted;
    }
}
