package io.quarkiverse.alioss.deployment.callback;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * What the callback steps need to know about JAX-RS resources, read from the index with the names only, so that this
 * code does not need the JAX-RS API: which methods are resource methods, their HTTP methods and their full paths.
 */
final class JaxRsResources {

    static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    static final DotName APPLICATION_PATH = DotName.createSimple("jakarta.ws.rs.ApplicationPath");
    static final DotName HTTP_METHOD = DotName.createSimple("jakarta.ws.rs.HttpMethod");
    static final DotName PRODUCES = DotName.createSimple("jakarta.ws.rs.Produces");
    static final String APPLICATION_JSON = "application/json";

    private static final List<String> STANDARD_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
            "OPTIONS");

    private final IndexView index;

    JaxRsResources(IndexView index) {
        this.index = index;
    }

    /** A method with an HTTP method or {@code @Path} annotation, or any method of a class annotated {@code @Path}. */
    boolean isResourceMethod(MethodInfo method) {
        return method.declaringClass().hasDeclaredAnnotation(PATH) || method.hasDeclaredAnnotation(PATH)
                || !httpMethods(method).isEmpty();
    }

    /** The HTTP methods the method answers, e.g. {@code [POST]}; custom {@code @HttpMethod} annotations included. */
    List<String> httpMethods(MethodInfo method) {
        List<String> methods = new ArrayList<>();
        for (AnnotationInstance annotation : method.declaredAnnotations()) {
            DotName name = annotation.name();
            if (name.packagePrefix() != null && name.packagePrefix().equals("jakarta.ws.rs")
                    && STANDARD_METHODS.contains(name.withoutPackagePrefix())) {
                methods.add(name.withoutPackagePrefix());
                continue;
            }
            ClassInfo annotationClass = index.getClassByName(name);
            AnnotationInstance httpMethod = annotationClass == null ? null
                    : annotationClass.declaredAnnotation(HTTP_METHOD);
            if (httpMethod != null) {
                methods.add(httpMethod.value().asString());
            }
        }
        return methods;
    }

    /** The media types of the method's {@code @Produces}, else its class's; empty when neither declares any. */
    List<String> produces(MethodInfo method) {
        AnnotationInstance produces = method.declaredAnnotation(PRODUCES);
        if (produces == null) {
            produces = method.declaringClass().declaredAnnotation(PRODUCES);
        }
        if (produces == null || produces.value() == null) {
            return List.of();
        }
        List<String> types = new ArrayList<>();
        for (String value : produces.value().asStringArray()) {
            for (String type : value.split(",")) {
                types.add(type.trim());
            }
        }
        return types;
    }

    /** {@code application/json}, also with parameters or as a {@code +json} suffix. */
    static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase(java.util.Locale.ROOT).split(";")[0].trim();
        return type.equals(APPLICATION_JSON) || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /**
     * The path RESTEasy Reactive serves the method at, relative to {@code quarkus.http.root-path}: the application path
     * ({@code @ApplicationPath}, else {@code quarkus.rest.path}), then the class and the method {@code @Path}.
     */
    String fullPath(MethodInfo method) {
        List<String> segments = new ArrayList<>();
        segments.add(applicationPath());
        segments.add(pathOf(method.declaringClass().declaredAnnotation(PATH)));
        segments.add(pathOf(method.declaredAnnotation(PATH)));
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            String trimmed = trimSlashes(segment);
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private String applicationPath() {
        Collection<AnnotationInstance> applicationPaths = index.getAnnotations(APPLICATION_PATH);
        for (AnnotationInstance applicationPath : applicationPaths) {
            if (applicationPath.target().kind() == AnnotationTarget.Kind.CLASS) {
                // RESTEasy Reactive refuses more than one @ApplicationPath, so the first is the one
                return pathOf(applicationPath);
            }
        }
        Optional<String> configured = ConfigProvider.getConfig().getOptionalValue("quarkus.rest.path", String.class);
        return configured.orElse("/");
    }

    private static String pathOf(AnnotationInstance path) {
        return path == null || path.value() == null ? "" : path.value().asString();
    }

    private static String trimSlashes(String segment) {
        int start = 0;
        int end = segment.length();
        while (start < end && segment.charAt(start) == '/') {
            start++;
        }
        while (end > start && segment.charAt(end - 1) == '/') {
            end--;
        }
        return segment.substring(start, end).trim();
    }

    /** Identifies a method across index views: declaring class, name and parameter types. */
    static String key(MethodInfo method) {
        return method.declaringClass().name() + "#" + method.name() + method.parameterTypes();
    }
}
