package io.quarkiverse.alioss.runtime.callback;

import java.util.List;

import io.quarkiverse.alioss.callback.CallbackBodyType;

/**
 * Everything the build learned about one {@code @OssCallback} method that its route handler and its callback template
 * need at run time.
 */
public final class CallbackEndpoint {

    private String name;
    private String path;
    private String fullPath;
    private CallbackBodyType bodyType;
    private String callbackHost;
    private boolean sni;
    private boolean confirm;
    private String beanIdentifier;
    private String method;
    private CallbackInvocation invocation;
    private CallbackResultKind resultKind;
    private List<CallbackParameter> parameters;

    /** The callback name, unique in the application; bound into the callback token. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Route path relative to {@code quarkus.http.root-path}, starting with {@code /}. */
    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** Route path including {@code quarkus.http.root-path}: what the callback URL ends with. */
    public String getFullPath() {
        return fullPath;
    }

    public void setFullPath(String fullPath) {
        this.fullPath = fullPath;
    }

    public CallbackBodyType getBodyType() {
        return bodyType;
    }

    public void setBodyType(CallbackBodyType bodyType) {
        this.bodyType = bodyType;
    }

    /** {@code callbackHost}, empty for the host of the callback URL. */
    public String getCallbackHost() {
        return callbackHost;
    }

    public void setCallbackHost(String callbackHost) {
        this.callbackHost = callbackHost;
    }

    public boolean isSni() {
        return sni;
    }

    public void setSni(boolean sni) {
        this.sni = sni;
    }

    /** Whether every callback is confirmed with OSS, not only those of handed-out uploads. */
    public boolean isConfirm() {
        return confirm;
    }

    public void setConfirm(boolean confirm) {
        this.confirm = confirm;
    }

    /** ArC identifier of the bean that declares the method. */
    public String getBeanIdentifier() {
        return beanIdentifier;
    }

    public void setBeanIdentifier(String beanIdentifier) {
        this.beanIdentifier = beanIdentifier;
    }

    /** {@code com.acme.Avatars#uploaded(OssUpload, String)}, for log and error messages. */
    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public CallbackInvocation getInvocation() {
        return invocation;
    }

    public void setInvocation(CallbackInvocation invocation) {
        this.invocation = invocation;
    }

    public CallbackResultKind getResultKind() {
        return resultKind;
    }

    public void setResultKind(CallbackResultKind resultKind) {
        this.resultKind = resultKind;
    }

    /** One entry per method parameter, in declaration order. */
    public List<CallbackParameter> getParameters() {
        return parameters;
    }

    public void setParameters(List<CallbackParameter> parameters) {
        this.parameters = parameters;
    }
}
