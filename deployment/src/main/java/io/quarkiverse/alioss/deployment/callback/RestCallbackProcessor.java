package io.quarkiverse.alioss.deployment.callback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.rest.RestCallbackRecorder;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.resteasy.reactive.server.spi.AnnotationsTransformerBuildItem;
import io.quarkus.resteasy.reactive.server.spi.MethodScannerBuildItem;

/**
 * {@code @OssCallback} on JAX-RS resource methods, when the application has RESTEasy Reactive: such methods get no
 * generated route (see {@link OssCallbackProcessor}, which still validates them and builds their templates); instead
 * RESTEasy Reactive verifies the callback first in their handler chain and supplies the callback parameters.
 */
class RestCallbackProcessor {

    private static final List<String> JAX_RS_PARAMETER_ANNOTATIONS = List.of("PathParam", "QueryParam", "HeaderParam",
            "FormParam", "CookieParam", "MatrixParam", "BeanParam", "core.Context");
    private static final List<String> REST_PARAMETER_ANNOTATIONS = List.of("RestPath", "RestQuery", "RestHeader",
            "RestForm", "RestCookie", "RestMatrix");

    @BuildStep
    void findResourceCallbacks(Capabilities capabilities, CombinedIndexBuildItem combinedIndex,
            BuildProducer<RestCallbackMethodBuildItem> restMethods) {
        if (!capabilities.isPresent(Capability.RESTEASY_REACTIVE)) {
            return;
        }
        JaxRsResources resources = new JaxRsResources(combinedIndex.getIndex());
        for (AnnotationInstance callback : combinedIndex.getIndex().getAnnotations(CallbackDotNames.OSS_CALLBACK)) {
            if (callback.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = callback.target().asMethod();
            if (!resources.isResourceMethod(method)) {
                continue;
            }
            restMethods.produce(new RestCallbackMethodBuildItem(method, resources.fullPath(method),
                    httpContractProblems(resources, method)));
        }
    }

    /** OSS sends a POST and takes exactly one JSON reply; anything else about the method is RESTEasy Reactive's. */
    private static List<String> httpContractProblems(JaxRsResources resources, MethodInfo method) {
        List<String> problems = new ArrayList<>();
        List<String> httpMethods = resources.httpMethods(method);
        if (!httpMethods.equals(List.of("POST"))) {
            problems.add("is a JAX-RS resource method " + (httpMethods.isEmpty() ? "without HTTP method"
                    : "for " + String.join(", ", httpMethods))
                    + ", but OSS sends callbacks as POST: annotate it @POST (and nothing else)");
        }
        if (method.returnType().name().equals(CallbackDotNames.MULTI)) {
            problems.add("returns a Multi, but OSS needs exactly one JSON reply: return a value, Uni, "
                    + "RestResponse or Response");
        }
        List<String> produces = resources.produces(method);
        if (!produces.isEmpty() && produces.stream().noneMatch(JaxRsResources::isJson)) {
            problems.add("produces " + String.join(", ", produces) + ", but OSS accepts only a JSON reply: "
                    + "produce application/json or remove @Produces");
        }
        return problems;
    }

    /** OSS accepts only JSON replies: a resource callback without {@code @Produces} produces JSON whatever it returns. */
    @BuildStep
    void produceJson(List<RestCallbackMethodBuildItem> restMethods,
            BuildProducer<AnnotationsTransformerBuildItem> transformers) {
        if (restMethods.isEmpty()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        restMethods.forEach(rest -> keys.add(JaxRsResources.key(rest.method())));
        transformers.produce(new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                .whenMethod(method -> keys.contains(JaxRsResources.key(method))
                        && !method.hasDeclaredAnnotation(JaxRsResources.PRODUCES)
                        && !method.declaringClass().hasDeclaredAnnotation(JaxRsResources.PRODUCES))
                .transform(context -> context.add(AnnotationInstance.builder(JaxRsResources.PRODUCES)
                        .add("value", new String[] { JaxRsResources.APPLICATION_JSON })
                        .build()))));
    }

    @BuildStep
    void joinRestEasyReactive(List<RestCallbackMethodBuildItem> restMethods,
            BuildProducer<MethodScannerBuildItem> scanners) {
        if (restMethods.isEmpty()) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        for (RestCallbackMethodBuildItem rest : restMethods) {
            names.put(JaxRsResources.key(rest.method()), callbackName(rest.method()));
        }
        scanners.produce(new MethodScannerBuildItem(new RestCallbackMethodScanner(names)));
    }

    /**
     * Binding parameters only work on {@code @OssCallback} methods (nothing else verifies the body they come from), and
     * a parameter is bound either by the callback or by JAX-RS, not both.
     */
    @BuildStep
    void validateResourceBindings(Capabilities capabilities, CombinedIndexBuildItem combinedIndex,
            // consumed so that these errors are reported with the other bean validation errors
            ValidationPhaseBuildItem validationPhase, BuildProducer<ValidationErrorBuildItem> errors) {
        if (!capabilities.isPresent(Capability.RESTEASY_REACTIVE)) {
            return;
        }
        IndexView index = combinedIndex.getIndex();
        JaxRsResources resources = new JaxRsResources(index);
        List<String> problems = new ArrayList<>();
        for (ClassInfo resource : resourceClasses(index)) {
            for (MethodInfo method : resource.methods()) {
                if (!resources.isResourceMethod(method)) {
                    continue;
                }
                boolean callback = method.hasDeclaredAnnotation(CallbackDotNames.OSS_CALLBACK);
                for (MethodParameterInfo parameter : method.parameters()) {
                    String binding = callbackBinding(parameter);
                    if (binding == null) {
                        continue;
                    }
                    String where = "Resource method " + CallbackMethodDescriptions.describe(method) + " parameter "
                            + parameter.position() + " (" + parameter.type() + ")";
                    if (!callback) {
                        problems.add(where + " uses " + binding + ", which only an @OssCallback method can bind "
                                + "(nothing else verifies the callback body): annotate the method @OssCallback");
                    }
                    String jaxRs = jaxRsBinding(parameter);
                    if (jaxRs != null) {
                        problems.add(where + " is bound both by " + binding + " and by " + jaxRs
                                + ": keep one of them");
                    }
                }
                if (callback) {
                    problems.addAll(unverifiedCallbackValues(method));
                }
            }
        }
        problems.forEach(problem -> errors.produce(new ValidationErrorBuildItem(new DeploymentException(problem))));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerResourceCallbacks(List<CallbackResourceMethodBuildItem> callbacks,
            Optional<CallbackServicesBuildItem> services, RestCallbackRecorder recorder) {
        List<CallbackEndpoint> endpoints = callbacks.stream().map(callback -> callback.callback().toEndpoint())
                .toList();
        if (!endpoints.isEmpty() && services.isPresent()) {
            recorder.register(endpoints, services.get().services());
        }
    }

    private static String callbackName(MethodInfo method) {
        return CallbackMethodModel.callbackName(method, method.declaredAnnotation(CallbackDotNames.OSS_CALLBACK));
    }

    private static List<ClassInfo> resourceClasses(IndexView index) {
        List<ClassInfo> classes = new ArrayList<>();
        for (AnnotationInstance binding : index.getAnnotations(CallbackDotNames.CALLBACK_VAR)) {
            addDeclaringClass(binding, classes);
        }
        for (AnnotationInstance binding : index.getAnnotations(CallbackDotNames.SYSTEM_VAR)) {
            addDeclaringClass(binding, classes);
        }
        for (ClassInfo user : index.getKnownUsers(CallbackDotNames.OSS_UPLOAD)) {
            if (!classes.contains(user)) {
                classes.add(user);
            }
        }
        return classes;
    }

    private static void addDeclaringClass(AnnotationInstance binding, List<ClassInfo> classes) {
        if (binding.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER) {
            ClassInfo declaring = binding.target().asMethodParameter().method().declaringClass();
            if (!classes.contains(declaring)) {
                classes.add(declaring);
            }
        }
    }

    /**
     * Form fields {@code x:...} and OSS's {@code x-oss-...} headers read past the callback binding: the token does not
     * check a form parameter, and OSS signs none of its headers, so a sender can put anything there.
     */
    private static List<String> unverifiedCallbackValues(MethodInfo method) {
        List<String> problems = new ArrayList<>();
        for (MethodParameterInfo parameter : method.parameters()) {
            String where = "@OssCallback method " + CallbackMethodDescriptions.describe(method) + " parameter "
                    + parameter.position() + " (" + parameter.type() + ")";
            String form = boundName(parameter, "jakarta.ws.rs.FormParam", "org.jboss.resteasy.reactive.RestForm");
            if (form != null && form.startsWith("x:")) {
                problems.add(where + " reads the form field \"" + form + "\" directly, which the callback token does"
                        + " not check: bind it with @CallbackVar(\"" + form.substring(2) + "\") instead");
            }
            String header = boundName(parameter, "jakarta.ws.rs.HeaderParam", "org.jboss.resteasy.reactive.RestHeader");
            if (header != null && header.toLowerCase(Locale.ROOT).startsWith("x-oss-")) {
                problems.add(where + " reads the header \"" + header + "\", which OSS does not sign: anyone can set"
                        + " it; bind OSS values with OssUpload or @SystemVar instead");
            }
        }
        return problems;
    }

    /** The name a JAX-RS or RESTEasy Reactive annotation binds, or null when neither annotates the parameter. */
    private static String boundName(MethodParameterInfo parameter, String jaxRs, String rest) {
        for (AnnotationInstance annotation : parameter.declaredAnnotations()) {
            String type = annotation.name().toString();
            if (type.equals(jaxRs) || type.equals(rest)) {
                AnnotationValue value = annotation.value();
                if (value != null && !value.asString().isBlank()) {
                    return value.asString();
                }
                // RESTEasy Reactive derives the name from the parameter: xOssBucket becomes X-Oss-Bucket
                String name = parameter.name();
                return name == null ? null : name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** How the callback binds the parameter ({@code @CallbackVar}, {@code @SystemVar}, {@code OssUpload}), or null. */
    private static String callbackBinding(MethodParameterInfo parameter) {
        if (parameter.hasDeclaredAnnotation(CallbackDotNames.CALLBACK_VAR)) {
            return "@CallbackVar";
        }
        if (parameter.hasDeclaredAnnotation(CallbackDotNames.SYSTEM_VAR)) {
            return "@SystemVar";
        }
        return parameter.type().name().equals(CallbackDotNames.OSS_UPLOAD) ? "OssUpload" : null;
    }

    private static String jaxRsBinding(MethodParameterInfo parameter) {
        for (AnnotationInstance annotation : parameter.declaredAnnotations()) {
            String name = annotation.name().toString();
            for (String jaxRs : JAX_RS_PARAMETER_ANNOTATIONS) {
                if (name.equals("jakarta.ws.rs." + jaxRs)) {
                    return "@" + annotation.name().withoutPackagePrefix();
                }
            }
            for (String rest : REST_PARAMETER_ANNOTATIONS) {
                if (name.equals("org.jboss.resteasy.reactive." + rest)) {
                    return "@" + rest;
                }
            }
        }
        return null;
    }
}
