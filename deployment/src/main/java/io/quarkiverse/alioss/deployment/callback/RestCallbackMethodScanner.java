package io.quarkiverse.alioss.deployment.callback;

import java.util.List;
import java.util.Map;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
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

    @Override
    public List<HandlerChainCustomizer> scan(MethodInfo method, ClassInfo actualEndpointClass,
            Map<String, Object> methodContext) {
        String name = callbackNames.get(JaxRsResources.key(method));
        return name == null ? List.of() : List.of(new RestCallbackCustomizer(name));
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
