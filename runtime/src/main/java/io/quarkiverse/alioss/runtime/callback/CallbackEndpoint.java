package io.quarkiverse.alioss.runtime.callback;

import java.util.List;

import io.quarkiverse.alioss.callback.CallbackBodyType;

/**
 * Everything the build learned about one {@code @OssCallback} method that its route handler and its callback template
 * need at run time. Created by the recording build steps from the deployment model, and recorded as it is.
 *
 * @param name the callback name, unique in the application; bound into the callback token
 * @param path route path relative to {@code quarkus.http.root-path}, starting with {@code /}
 * @param fullPath route path including {@code quarkus.http.root-path}: what the callback URL ends with
 * @param callbackHost {@code callbackHost}, empty for the host of the callback URL
 * @param confirm whether every callback is confirmed with OSS, not only those of handed-out uploads
 * @param beanIdentifier ArC identifier of the bean that declares the method
 * @param method {@code com.acme.Avatars#uploaded(OssUpload, String)}, for log and error messages
 * @param parameters one entry per bound method parameter, in declaration order
 */
public record CallbackEndpoint(String name, String path, String fullPath, CallbackBodyType bodyType,
        String callbackHost, boolean sni, boolean confirm, String beanIdentifier, String method,
        CallbackInvocation invocation, CallbackResultKind resultKind, List<CallbackParameter> parameters) {

    public CallbackEndpoint {
        parameters = List.copyOf(parameters);
    }
}
