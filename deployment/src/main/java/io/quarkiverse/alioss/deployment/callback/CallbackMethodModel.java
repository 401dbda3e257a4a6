package io.quarkiverse.alioss.deployment.callback;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.runtime.callback.CallbackInvocation;
import io.quarkiverse.alioss.runtime.callback.CallbackParameter;
import io.quarkiverse.alioss.runtime.callback.CallbackResultKind;
import io.quarkiverse.alioss.runtime.callback.CallbackRules;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackValueTypes;
import io.quarkus.arc.processor.AnnotationStore;
import io.quarkus.arc.processor.Annotations;
import io.quarkus.arc.processor.BeanInfo;

/**
 * Turns one {@code @OssCallback} method into its {@link CallbackMethod}, collecting every problem with it. Annotations
 * are read through ArC's {@link AnnotationStore}, so annotation transformers count as they do for the beans. Each problem
 * message names the method, so a failed build points at the code to fix.
 */
final class CallbackMethodModel {

    /** A literal path: no Vert.x path parameters or wildcards, no query, fragment, percent-escapes or whitespace. */
    private static final Pattern LITERAL_PATH = Pattern.compile("(/[A-Za-z0-9._~!$&'()+,;=@-]*)+");
    private static final Set<DotName> THREADING = Set.of(CallbackDotNames.BLOCKING, CallbackDotNames.NON_BLOCKING,
            CallbackDotNames.RUN_ON_VIRTUAL_THREAD);

    private final AnnotationStore annotations;
    private final MethodInfo method;
    private final String description;
    /** Set when the method is a JAX-RS resource method that RESTEasy Reactive serves. */
    private final RestCallbackMethodBuildItem rest;
    private final List<String> problems = new ArrayList<>();
    private CallbackMethod analyzed;

    private CallbackMethodModel(AnnotationStore annotations, MethodInfo method, RestCallbackMethodBuildItem rest) {
        this.annotations = annotations;
        this.method = method;
        this.description = CallbackMethodDescriptions.describe(method);
        this.rest = rest;
    }

    /** Problems found; empty when {@link #method()} is usable. */
    List<String> problems() {
        return problems;
    }

    /** The analysed method; meaningful only when there are no {@link #problems()}. */
    CallbackMethod method() {
        return analyzed;
    }

    /**
     * @param callback the method's {@code @OssCallback}, as the annotation store shows it
     * @param rest null for a bean method served by a generated route
     */
    static CallbackMethodModel analyze(AnnotationStore annotations, BeanInfo bean, MethodInfo method,
            AnnotationInstance callback, String rootPath, RestCallbackMethodBuildItem rest) {
        CallbackMethodModel model = new CallbackMethodModel(annotations, method, rest);
        model.analyzed = model.build(bean, callback, rootPath);
        return model;
    }

    private CallbackMethod build(BeanInfo bean, AnnotationInstance callback, String rootPath) {
        if (Modifier.isPrivate(method.flags())) {
            problem("must not be private: the generated route handler calls it directly");
        }
        if (Modifier.isStatic(method.flags())) {
            problem("must not be static: it is invoked on its bean");
        }
        String path = rest == null ? path(callback) : restPath(callback);
        String name = name(callback);
        AnnotationValue bodyType = callback.value("bodyType");
        AnnotationValue host = callback.value("callbackHost");
        AnnotationValue sni = callback.value("sni");
        if (host != null && !host.asString().isEmpty() && !CallbackRules.isCallbackHost(host.asString())) {
            problem("declares callbackHost \"" + host.asString() + "\", which OSS refuses: it takes a host name or IPv4"
                    + " address with an optional :port (no scheme or path)");
        }
        AnnotationValue confirm = callback.value("confirm");
        CallbackResultKind resultKind;
        CallbackInvocation invocation;
        if (rest == null) {
            resultKind = resultKind();
            invocation = invocation(resultKind);
        } else {
            // RESTEasy Reactive invokes the method and writes its reply; these only keep the endpoint complete
            resultKind = CallbackResultKind.VALUE;
            invocation = CallbackInvocation.WORKER;
            rest.problems().forEach(this::problem);
        }
        return new CallbackMethod(bean, method, description, name, path, joinPaths(rootPath, path),
                bodyType == null ? CallbackBodyType.FORM : CallbackBodyType.valueOf(bodyType.asEnum()),
                host == null ? "" : host.asString(), sni != null && sni.asBoolean(),
                confirm != null && confirm.asBoolean(), invocation, resultKind, bindings());
    }

    /** A resource method's callback path is its JAX-RS path; an explicit annotation path must say the same. */
    private String restPath(AnnotationInstance callback) {
        AnnotationValue value = callback.value("path");
        String declared = value == null ? "" : value.asString().trim();
        if (!declared.isEmpty() && !declared.equals(rest.path())) {
            problem("declares the path \"" + declared + "\" but RESTEasy Reactive serves it at " + rest.path()
                    + ": leave @OssCallback(path) empty on resource methods");
        }
        if (!LITERAL_PATH.matcher(rest.path()).matches()) {
            problem("has the JAX-RS path " + rest.path() + ", which is not literal: an OSS callback URL needs a fixed "
                    + "path (no {params}, no regular expressions)");
        }
        return rest.path();
    }

    private String path(AnnotationInstance callback) {
        AnnotationValue value = callback.value("path");
        String path = value == null ? "" : value.asString().trim();
        if (path.isEmpty()) {
            // the path became optional for JAX-RS resource methods, which take theirs from @Path
            problem("needs a path, e.g. @OssCallback(path = \"/oss/avatar\"); only JAX-RS resource methods take "
                    + "theirs from @Path");
            return path;
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (!LITERAL_PATH.matcher(path).matches()) {
            problem("path \"" + path + "\" is not a literal route path (expected e.g. /oss/avatar; no query, "
                    + "no :params, no wildcards, no spaces)");
        }
        return path;
    }

    /**
     * The callback's name: the annotation's {@code name}, else the method name. Template beans, routes and REST
     * callbacks must all agree on it, so this is the one place that says it.
     */
    static String callbackName(MethodInfo method, AnnotationInstance callback) {
        AnnotationValue value = callback.value("name");
        return value == null || value.asString().isBlank() ? method.name() : value.asString().trim();
    }

    private String name(AnnotationInstance callback) {
        String name = callbackName(method, callback);
        if (!CallbackRules.CALLBACK_NAME.matcher(name).matches()) {
            problem("name \"" + name + "\" is not a valid callback name (letters, digits, '_', '.', '-')");
        }
        return name;
    }

    private CallbackResultKind resultKind() {
        Type returnType = method.returnType();
        if (returnType.kind() == Type.Kind.VOID) {
            return CallbackResultKind.VOID;
        }
        DotName name = returnType.name();
        boolean async = name.equals(CallbackDotNames.UNI) || name.equals(CallbackDotNames.COMPLETION_STAGE)
                || name.equals(CallbackDotNames.COMPLETABLE_FUTURE);
        if (async) {
            if (returnType.kind() != Type.Kind.PARAMETERIZED_TYPE) {
                problem("unsupported return type " + returnType + ": declare the item type, e.g. Uni<Reply>");
            }
            return name.equals(CallbackDotNames.UNI) ? CallbackResultKind.UNI : CallbackResultKind.COMPLETION_STAGE;
        }
        if (name.equals(CallbackDotNames.MULTI) || returnType.kind() == Type.Kind.TYPE_VARIABLE
                || returnType.kind() == Type.Kind.WILDCARD_TYPE) {
            problem("unsupported return type " + returnType
                    + ": return void, a JSON-serializable value, Uni<T> or CompletionStage<T>");
        }
        return CallbackResultKind.VALUE;
    }

    private CallbackInvocation invocation(CallbackResultKind resultKind) {
        boolean blocking = hasThreadingAnnotation(CallbackDotNames.BLOCKING);
        boolean nonBlocking = hasThreadingAnnotation(CallbackDotNames.NON_BLOCKING);
        boolean virtual = hasThreadingAnnotation(CallbackDotNames.RUN_ON_VIRTUAL_THREAD);
        if (blocking && nonBlocking) {
            problem("is annotated both @Blocking and @NonBlocking");
        }
        if (virtual && nonBlocking) {
            problem("is annotated both @RunOnVirtualThread and @NonBlocking");
        }
        if (virtual) {
            return CallbackInvocation.VIRTUAL_THREAD;
        }
        if (blocking) {
            return CallbackInvocation.WORKER;
        }
        if (nonBlocking) {
            return CallbackInvocation.EVENT_LOOP;
        }
        boolean async = resultKind == CallbackResultKind.UNI || resultKind == CallbackResultKind.COMPLETION_STAGE;
        return async ? CallbackInvocation.EVENT_LOOP : CallbackInvocation.WORKER;
    }

    /** Method annotations win over class annotations, as in the rest of Quarkus. */
    private boolean hasThreadingAnnotation(DotName annotation) {
        if (annotations.hasAnnotation(method, annotation)) {
            return true;
        }
        boolean methodDecides = annotations.hasAnyAnnotation(method, THREADING);
        return !methodDecides && annotations.hasAnnotation(method.declaringClass(), annotation);
    }

    private List<CallbackMethod.Binding> bindings() {
        List<CallbackMethod.Binding> parameters = new ArrayList<>();
        List<String> seenKeys = new ArrayList<>();
        for (MethodParameterInfo parameter : method.parameters()) {
            CallbackMethod.Binding bound = binding(parameter);
            if (bound == null) {
                continue;
            }
            if (bound.bodyKey() != null) {
                if (seenKeys.contains(bound.bodyKey())) {
                    problem("binds the body field \"" + bound.bodyKey() + "\" twice");
                }
                seenKeys.add(bound.bodyKey());
                if (CallbackRules.PINNED_VARIABLES.contains(bound.bodyKey())
                        && !bound.bodyKey().equals(bound.variable())) {
                    problem("binds the body field \"" + bound.bodyKey() + "\" to " + bound.variable()
                            + ", but that field always carries the variable of the same name, which the callback"
                            + " token pins: choose another key");
                }
            }
            parameters.add(bound);
        }
        boolean bindsUpload = parameters.stream().anyMatch(p -> p.source() == CallbackParameter.Source.UPLOAD);
        for (CallbackMethod.Binding bound : parameters) {
            if (bindsUpload && bound.bodyKey() != null && OssUpload.SYSTEM_VARIABLES.contains(bound.bodyKey())
                    && !bound.bodyKey().equals(bound.variable())) {
                problem("binds the body field \"" + bound.bodyKey() + "\" to " + bound.variable()
                        + ", but its OssUpload parameter reads that field as the system variable of the same name");
            }
        }
        // resource methods may have JAX-RS parameters besides, but still need at least one callback variable
        if (rest == null ? method.parametersCount() == 0 : parameters.isEmpty()) {
            problem("binds no variable, but OSS refuses an empty callback body: add an OssUpload, @SystemVar or "
                    + "@CallbackVar parameter");
        }
        return parameters;
    }

    private CallbackMethod.Binding binding(MethodParameterInfo parameter) {
        String label = "parameter " + parameter.position() + " (" + parameter.type() + ")";
        // ArC's store answers for methods, including their parameters' annotations, not for parameters themselves
        Set<AnnotationInstance> parameterAnnotations = Annotations.getParameterAnnotations(annotations::getAnnotations,
                method, parameter.position());
        AnnotationInstance systemVar = Annotations.find(parameterAnnotations, CallbackDotNames.SYSTEM_VAR);
        AnnotationInstance customVar = Annotations.find(parameterAnnotations, CallbackDotNames.CALLBACK_VAR);
        if (systemVar != null && customVar != null) {
            problem(label + " is annotated both @SystemVar and @CallbackVar");
            return null;
        }
        if (systemVar == null && customVar == null) {
            if (parameter.type().name().equals(CallbackDotNames.OSS_UPLOAD)) {
                return new CallbackMethod.Binding(parameter, CallbackParameter.Source.UPLOAD, null, null, OssUpload.class,
                        false);
            }
            if (rest != null) {
                return null; // an ordinary JAX-RS parameter: RESTEasy Reactive binds it
            }
            problem(label + " is not bindable: use OssUpload, @SystemVar or @CallbackVar");
            return null;
        }
        boolean optional = parameter.type().name().equals(CallbackDotNames.OPTIONAL);
        Class<?> type = valueClass(parameter.type(), optional);
        if (type == null) {
            problem(label + " has an unsupported type; supported: " + CallbackValueTypes.describe());
        }
        if (systemVar != null) {
            String variable = systemVar.value().asString();
            if (!OssUpload.SYSTEM_VARIABLES.contains(variable)) {
                problem(label + " binds the unknown system variable \"" + variable + "\"; known: "
                        + String.join(", ", OssUpload.SYSTEM_VARIABLES));
            }
            return new CallbackMethod.Binding(parameter, CallbackParameter.Source.SYSTEM_VAR, variable,
                    bodyKey(label, systemVar, variable), type, optional);
        }
        String name = customVar.value().asString();
        if (!CallbackRules.VARIABLE_NAME.matcher("x:" + name).matches()) {
            problem(label + " has the illegal custom variable name \"" + name
                    + "\": lowercase letters, digits and '_', without the x: prefix");
        }
        return new CallbackMethod.Binding(parameter, CallbackParameter.Source.CUSTOM_VAR, "x:" + name,
                bodyKey(label, customVar, "x:" + name), type, optional);
    }

    private String bodyKey(String label, AnnotationInstance binding, String variable) {
        String key = keyOr(binding, variable);
        if (!CallbackRules.isBodyKey(key)) {
            problem(label + " has the body key \"" + key + "\", which OSS would read as a variable: use a key without"
                    + " '$'");
        }
        return key;
    }

    /** The class a single variable converts to ({@code Optional<T>}: T), or null when not supported. */
    private static Class<?> valueClass(Type type, boolean optional) {
        Type valueType = type;
        if (optional) {
            if (type.kind() != Type.Kind.PARAMETERIZED_TYPE) {
                return null;
            }
            valueType = type.asParameterizedType().arguments().get(0);
        }
        if (valueType.kind() != Type.Kind.CLASS && valueType.kind() != Type.Kind.PRIMITIVE) {
            return null;
        }
        String name = valueType.name().toString();
        Class<?> found = CallbackValueTypes.byName(name);
        if (found == null && valueType.kind() == Type.Kind.CLASS) {
            found = applicationEnum(name);
        }
        return optional && found != null && found.isPrimitive() ? null : found;
    }

    /** An application enum, recorded as a class so the route reads it by constant name; null for any other class. */
    private static Class<?> applicationEnum(String name) {
        try {
            Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            return type.isEnum() ? type : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The body key of a {@code @SystemVar} / {@code @CallbackVar}: its {@code key}, else the variable name. */
    static String keyOr(AnnotationInstance annotation, String fallback) {
        AnnotationValue key = annotation.value("key");
        return key == null || key.asString().isBlank() ? fallback : key.asString();
    }

    private void problem(String message) {
        problems.add("@OssCallback method " + description + " " + message);
    }

    static String joinPaths(String rootPath, String path) {
        String root = rootPath == null || rootPath.isEmpty() ? "/" : rootPath;
        if (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return root + path;
    }
}
