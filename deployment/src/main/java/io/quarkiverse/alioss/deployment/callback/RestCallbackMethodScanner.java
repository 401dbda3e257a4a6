package io.quarkiverse.alioss.deployment.callback;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;
import org.jboss.jandex.Type;
import org.jboss.resteasy.reactive.server.core.parameters.ParameterExtractor;
import org.jboss.resteasy.reactive.server.model.HandlerChainCustomizer;
import org.jboss.resteasy.reactive.server.processor.scanning.MethodScanner;

import io.quarkiverse.alioss.runtime.rest.RestCallbackCustomizer;
import io.quarkiverse.alioss.runtime.rest.RestCallbackParameterExtractor;

/**
 * Teaches RESTEasy Reactive the {@code @OssCallback} resource methods: their handler chain starts with the callback
 * verification, and their {@code OssUpload}, {@code @SystemVar} and {@code @CallbackVar} parameters are supplied from the
 * verified body (all other parameters stay RESTEasy Reactive's).
 */
final class RestCallbackMethodScanner implements MethodScanner {

    /** Callback name by {@link JaxRsResources#key method key}. */
    private final Map<String, String> callbackNames;

    RestCallbackMethodScanner(Map<String, String> callbackNames) {
        this.callbackNames = Map.copyOf(callbackNames);
    }

    /** Parameter annotations that never read the form; the callback's own are handled by this scanner. */
    private static final Set<String> NOT_FROM_THE_FORM = Set.of("jakarta.ws.rs.PathParam",
            "jakarta.ws.rs.QueryParam", "jakarta.ws.rs.HeaderParam", "jakarta.ws.rs.CookieParam",
            "jakarta.ws.rs.MatrixParam", "jakarta.ws.rs.core.Context", "org.jboss.resteasy.reactive.RestPath",
            "org.jboss.resteasy.reactive.RestQuery", "org.jboss.resteasy.reactive.RestHeader",
            "org.jboss.resteasy.reactive.RestCookie", "org.jboss.resteasy.reactive.RestMatrix",
            CallbackDotNames.SYSTEM_VAR.toString(), CallbackDotNames.CALLBACK_VAR.toString());

    @Override
    public List<HandlerChainCustomizer> scan(MethodInfo method, ClassInfo actualEndpointClass,
            Map<String, Object> methodContext) {
        String name = callbackNames.get(JaxRsResources.key(method));
        return name == null ? List.of() : List.of(new RestCallbackCustomizer(name, mayReadTheForm(method)));
    }

    /**
     * Whether a parameter may be read from the form: one with {@code @FormParam}, {@code @RestForm} or
     * {@code @BeanParam}, an entity, anything not known to come from elsewhere. The verified body is parsed as form
     * data only for such methods.
     */
    static boolean mayReadTheForm(MethodInfo method) {
        for (MethodParameterInfo parameter : method.parameters()) {
            boolean elsewhere = parameter.type().name().equals(CallbackDotNames.OSS_UPLOAD)
                    || parameter.declaredAnnotations().stream()
                            .anyMatch(annotation -> NOT_FROM_THE_FORM.contains(annotation.name().toString()));
            if (!elsewhere) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ParameterExtractor handleCustomParameter(Type paramType, Map<DotName, AnnotationInstance> annotations,
            boolean field, Map<String, Object> methodContext) {
        if (field) {
            // the annotations only target parameters; an OssUpload field is not a JAX-RS injection point
            return null;
        }
        AnnotationInstance systemVar = annotations.get(CallbackDotNames.SYSTEM_VAR);
        if (systemVar != null) {
            return new RestCallbackParameterExtractor(
                    CallbackMethodModel.keyOr(systemVar, systemVar.value().asString()));
        }
        AnnotationInstance customVar = annotations.get(CallbackDotNames.CALLBACK_VAR);
        if (customVar != null) {
            return new RestCallbackParameterExtractor(
                    CallbackMethodModel.keyOr(customVar, "x:" + customVar.value().asString()));
        }
        if (paramType.name().equals(CallbackDotNames.OSS_UPLOAD)) {
            return RestCallbackParameterExtractor.upload();
        }
        return null;
    }
}
