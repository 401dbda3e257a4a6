package io.quarkiverse.alioss.deployment.callback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import io.quarkiverse.alioss.runtime.callback.CallbackRuntime;
import io.quarkiverse.alioss.runtime.callback.OssCallbackRecorder;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackRouteServices;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AutoAddScopeBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.TransformedAnnotationsBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.processor.AnnotationStore;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuildExtension;
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

    /**
     * Only the generated handlers look these beans up. Asked through the transformed annotations (available once beans
     * are registered, well before unused beans are removed), so that an {@code @OssCallback} added by an annotation
     * transformer keeps its bean as well.
     */
    @BuildStep
    UnremovableBeanBuildItem keepCallbackBeans(TransformedAnnotationsBuildItem annotations) {
        return new UnremovableBeanBuildItem(bean -> bean.isClassBean() && bean.getTarget().get().asClass().methods()
                .stream().anyMatch(method -> annotations.hasAnnotation(method, CallbackDotNames.OSS_CALLBACK)));
    }

    /**
     * The template qualifier must be in the bean archive index even when the application never uses it; the run-time
     * callback state is only looked up, by the recorders and the handlers.
     */
    @BuildStep
    AdditionalBeanBuildItem callbackBeans() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(CallbackTemplateName.class, CallbackRuntime.class)
                .setUnremovable().build();
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
            BuildProducer<CallbackRouteBuildItem> routes,
            BuildProducer<CallbackResourceMethodBuildItem> resourceMethods,
            BuildProducer<ValidationErrorBuildItem> errors) {
        // what annotation transformers made of the annotations, as ArC itself reads them
        AnnotationStore annotations = validationPhase.getContext().get(BuildExtension.Key.ANNOTATION_STORE);
        List<String> problems = new ArrayList<>();
        List<CallbackMethod> found = new ArrayList<>();
        Set<MethodInfo> onBeans = new HashSet<>();
        Set<MethodInfo> servedByRest = new HashSet<>();
        for (BeanInfo bean : validationPhase.getContext().beans().classBeans()) {
            ClassInfo beanClass = bean.getTarget().get().asClass();
            for (MethodInfo method : beanClass.methods()) {
                AnnotationInstance callback = annotations.getAnnotation(method, CallbackDotNames.OSS_CALLBACK);
                if (callback == null) {
                    continue;
                }
                onBeans.add(method);
                RestCallbackMethodBuildItem rest = restMethods.stream().filter(r -> r.describes(method)).findFirst()
                        .orElse(null);
                CallbackMethodModel model = CallbackMethodModel.analyze(annotations, bean, method, callback,
                        httpRootPath.getRootPath(), rest);
                if (rest != null) {
                    servedByRest.add(method);
                }
                if (model.problems().isEmpty()) {
                    found.add(model.method());
                } else {
                    problems.addAll(model.problems());
                }
            }
        }
        for (AnnotationInstance callback : index.getIndex().getAnnotations(CallbackDotNames.OSS_CALLBACK)) {
            if (callback.target().kind() == AnnotationTarget.Kind.METHOD
                    && !onBeans.contains(callback.target().asMethod())
                    && annotations.hasAnnotation(callback.target(), CallbackDotNames.OSS_CALLBACK)) {
                MethodInfo method = callback.target().asMethod();
                problems.add("@OssCallback method " + CallbackMethodDescriptions.describe(method)
                        + " is not declared on a bean class: declare it on a concrete, non-abstract class "
                        + "(a bean scope is added when missing)");
            }
        }
        problems.addAll(duplicates(found));
        problems.forEach(problem -> errors.produce(new ValidationErrorBuildItem(new DeploymentException(problem))));
        if (!problems.isEmpty()) {
            return;
        }
        for (CallbackMethod callback : found) {
            if (servedByRest.contains(callback.method())) {
                resourceMethods.produce(new CallbackResourceMethodBuildItem(callback));
            } else {
                routes.produce(new CallbackRouteBuildItem(callback));
            }
        }
    }

    private static List<String> duplicates(List<CallbackMethod> callbacks) {
        List<String> problems = new ArrayList<>();
        Map<String, String> byPath = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (CallbackMethod callback : sorted(callbacks)) {
            String samePath = byPath.putIfAbsent(callback.path(), callback.description());
            if (samePath != null) {
                problems.add("@OssCallback method " + callback.description() + " uses the path " + callback.path()
                        + " already used by " + samePath);
            }
            String sameName = byName.putIfAbsent(callback.name(), callback.description());
            if (sameName != null) {
                problems.add("@OssCallback method " + callback.description() + " uses the name \"" + callback.name()
                        + "\" already used by " + sameName);
            }
        }
        return problems;
    }

    /**
     * The services every callback shares, and the templates of all callbacks (routes and resource methods alike).
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void recordCallbackTemplates(List<CallbackRouteBuildItem> routes,
            List<CallbackResourceMethodBuildItem> resourceMethods, OssCallbackRecorder recorder,
            HttpRootPathBuildItem httpRootPath, CallbackTokenStoreBuildItem tokenStore,
            ShutdownContextBuildItem shutdown, LaunchModeBuildItem launchMode,
            BuildProducer<CallbackServicesBuildItem> servicesItem) {
        List<CallbackMethod> callbacks = new ArrayList<>();
        routes.forEach(route -> callbacks.add(route.callback()));
        resourceMethods.forEach(resourceMethod -> callbacks.add(resourceMethod.callback()));
        if (callbacks.isEmpty()) {
            return; // CallbackRuntime starts empty with every start
        }
        // the journal behind the Dev UI's deliveries page: dev mode only, not tests
        boolean devJournal = launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT;
        RuntimeValue<CallbackRouteServices> services = recorder.services(tokenStore.store(), shutdown, devJournal);
        servicesItem.produce(new CallbackServicesBuildItem(services));
        List<CallbackEndpoint> endpoints = sorted(callbacks).stream().map(CallbackMethod::toEndpoint).toList();
        recorder.templates(endpoints, httpRootPath.getRootPath(), services);
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void mountCallbackRoutes(List<CallbackRouteBuildItem> routeItems, Optional<CallbackServicesBuildItem> services,
            OssCallbackRecorder recorder, HttpRootPathBuildItem httpRootPath, LaunchModeBuildItem launchMode,
            BuildProducer<GeneratedClassBuildItem> generatedClasses,
            BuildProducer<GeneratedResourceBuildItem> generatedResources,
            BuildProducer<ReflectiveClassBuildItem> reflectiveClasses,
            BuildProducer<ReflectiveHierarchyBuildItem> reflectiveHierarchy,
            BuildProducer<RouteBuildItem> routes,
            BuildProducer<RouteDescriptionBuildItem> descriptions) {
        if (routeItems.isEmpty()) {
            return;
        }
        Gizmo gizmo = Gizmo.create(new GeneratedClassGizmo2Adaptor(generatedClasses, generatedResources, true))
                .withDebugInfo(false)
                .withParameters(false);
        List<CallbackMethod> callbacks = new ArrayList<>();
        routeItems.forEach(route -> callbacks.add(route.callback()));
        for (CallbackMethod callback : sorted(callbacks)) {
            String handlerClass = CallbackHandlerGenerator.generate(gizmo, callback.bean(), callback.method());
            // the recorder instantiates the handler by name once, at startup
            reflectiveClasses.produce(ReflectiveClassBuildItem.builder(handlerClass).constructors().build());
            registerReplyForJackson(callback, reflectiveHierarchy);
            routes.produce(httpRootPath.routeBuilder()
                    // relative, so that it is resolved under quarkus.http.root-path (a leading '/' means absolute)
                    .routeFunction(callback.path().substring(1), recorder.postOnly())
                    .handler(recorder.handler(handlerClass, callback.toEndpoint(), services.get().services()))
                    .handlerType(HandlerType.NORMAL)
                    .displayOnNotFoundPage("OSS callback \"" + callback.name() + "\" (POST)")
                    .build());
            if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT) {
                descriptions.produce(new RouteDescriptionBuildItem(callback.description(), callback.fullPath(), "POST",
                        new String[] { "application/json" }, new String[] { callback.bodyType().contentType() }));
            }
        }
    }

    /** Return types are serialized with Jackson; native images need their members registered. */
    private static void registerReplyForJackson(CallbackMethod callback,
            BuildProducer<ReflectiveHierarchyBuildItem> reflectiveHierarchy) {
        Type reply = callback.method().returnType();
        if (callback.resultKind() == CallbackResultKind.VOID) {
            return;
        }
        if (callback.resultKind() != CallbackResultKind.VALUE) {
            reply = reply.asParameterizedType().arguments().get(0);
        }
        if (reply.kind() == Type.Kind.PRIMITIVE || reply.name().equals(DotName.createSimple(String.class))
                || reply.name().equals(DotName.createSimple(Void.class))) {
            return;
        }
        reflectiveHierarchy.produce(ReflectiveHierarchyBuildItem.builder(reply)
                .source(OssCallbackProcessor.class.getSimpleName() + " > " + callback.description())
                .build());
    }

    /** Stable order, so that generated bytecode and error messages do not depend on index iteration order. */
    private static List<CallbackMethod> sorted(List<CallbackMethod> callbacks) {
        List<CallbackMethod> sorted = new ArrayList<>(callbacks);
        sorted.sort(Comparator.comparing((CallbackMethod c) -> c.method().declaringClass().name().toString())
                .thenComparing(c -> c.method().name())
                .thenComparing(c -> c.method().toString()));
        return sorted;
    }
}
