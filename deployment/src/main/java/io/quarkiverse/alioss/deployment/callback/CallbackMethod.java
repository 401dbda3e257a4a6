package io.quarkiverse.alioss.deployment.callback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.MethodParameterInfo;

import io.quarkiverse.alioss.callback.CallbackBodyType;
import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.CallbackInvocation;
import io.quarkiverse.alioss.runtime.callback.CallbackParameter;
import io.quarkiverse.alioss.runtime.callback.CallbackResultKind;
import io.quarkus.arc.processor.BeanInfo;

/**
 * One valid {@code @OssCallback} method as the build sees it: the bean and method it came from and what
 * {@link CallbackMethodModel} learned from their (transformed) annotations. It never leaves the build; the recording
 * steps turn it into the run-time {@link CallbackEndpoint}.
 *
 * @param description {@code com.acme.Avatars#uploaded(OssUpload, String)}, for messages
 * @param path route path relative to {@code quarkus.http.root-path}, starting with {@code /}
 * @param fullPath {@code path} under {@code quarkus.http.root-path}
 * @param callbackHost the annotation's {@code callbackHost}, empty when not set
 * @param bindings one per method parameter the callback binds, in declaration order
 */
record CallbackMethod(BeanInfo bean, MethodInfo method, String description, String name, String path,
        String fullPath, CallbackBodyType bodyType, String callbackHost, boolean sni, boolean confirm,
        CallbackInvocation invocation, CallbackResultKind resultKind, List<Binding> bindings) {

    CallbackMethod {
        bindings = List.copyOf(bindings);
    }

    /**
     * How one method parameter is bound.
     *
     * @param variable {@code size} or {@code x:user}; null for an {@code OssUpload}
     * @param bodyKey the callback body field that carries it; null for an {@code OssUpload}
     * @param valueType the parameter's class, or the element class of an {@code Optional}
     */
    record Binding(MethodParameterInfo parameter, CallbackParameter.Source source, String variable, String bodyKey,
            Class<?> valueType, boolean optional) {
    }

    /** What the Dev UI lists about this method, known at build time. */
    Map<String, Object> devUiSummary(String servedBy) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", name);
        summary.put("path", fullPath);
        summary.put("method", description);
        summary.put("bodyType", bodyType.name());
        summary.put("servedBy", servedBy);
        summary.put("confirm", confirm);
        summary.put("variables", bindings.stream().map(Binding::variable).filter(Objects::nonNull).toList());
        return summary;
    }

    /** The run-time description of this method; only recording steps call this. */
    CallbackEndpoint toEndpoint() {
        List<CallbackParameter> parameters = bindings.stream()
                .map(b -> new CallbackParameter(b.source(), b.variable(), b.bodyKey(), b.valueType(), b.optional()))
                .toList();
        return new CallbackEndpoint(name, path, fullPath, bodyType, callbackHost, sni, confirm, bean.getIdentifier(),
                description, invocation, resultKind, parameters);
    }
}
