package io.quarkiverse.alioss.deployment.callback;

import org.jboss.jandex.MethodInfo;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.builder.item.MultiBuildItem;

/** One validated {@code @OssCallback} method, ready for handler generation and template recording. */
public final class CallbackMethodBuildItem extends MultiBuildItem {

    private final BeanInfo bean;
    private final MethodInfo method;
    private final CallbackEndpoint endpoint;
    private final boolean restResourceMethod;

    CallbackMethodBuildItem(BeanInfo bean, MethodInfo method, CallbackEndpoint endpoint, boolean restResourceMethod) {
        this.bean = bean;
        this.method = method;
        this.endpoint = endpoint;
        this.restResourceMethod = restResourceMethod;
    }

    public BeanInfo bean() {
        return bean;
    }

    public MethodInfo method() {
        return method;
    }

    /** A JAX-RS resource method: RESTEasy Reactive serves it, no route is generated (its template is, as for all). */
    public boolean restResourceMethod() {
        return restResourceMethod;
    }

    /** The run-time description; its parameter types are not set yet (they are classes of the application). */
    public CallbackEndpoint endpoint() {
        return endpoint;
    }
}
