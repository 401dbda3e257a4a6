package io.quarkiverse.alioss.deployment.callback;

import java.util.List;

import org.jboss.jandex.MethodInfo;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * An {@code @OssCallback} method found in the index that is a JAX-RS resource method of an application with RESTEasy
 * Reactive, before bean validation checks it (then it becomes a {@link CallbackResourceMethodBuildItem}). It is
 * served by RESTEasy Reactive, not by a generated route; its callback path is the JAX-RS one.
 */
public final class RestCallbackMethodBuildItem extends MultiBuildItem {

    private final MethodInfo method;
    private final String path;
    private final List<String> problems;

    RestCallbackMethodBuildItem(MethodInfo method, String path, List<String> problems) {
        this.method = method;
        this.path = path;
        this.problems = List.copyOf(problems);
    }

    public MethodInfo method() {
        return method;
    }

    /** REST path + class and method {@code @Path}, relative to {@code quarkus.http.root-path}, starting with '/'. */
    public String path() {
        return path;
    }

    /** What is wrong with it as a resource method, phrased to follow "@OssCallback method X ...". */
    public List<String> problems() {
        return problems;
    }

    /** Whether this item describes {@code candidate} (items come from the combined index, like the beans). */
    boolean describes(MethodInfo candidate) {
        return JaxRsResources.key(method).equals(JaxRsResources.key(candidate));
    }
}
