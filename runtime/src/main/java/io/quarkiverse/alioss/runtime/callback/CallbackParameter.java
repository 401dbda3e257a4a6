package io.quarkiverse.alioss.runtime.callback;

/**
 * How one parameter of an {@code @OssCallback} method is bound, computed and validated at build time and recorded for
 * the generated route handler.
 */
public final class CallbackParameter {

    /** Where the value comes from. */
    public enum Source {
        /** The whole {@code OssUpload}, made of all system variables. */
        UPLOAD,
        /** One system variable, {@code @SystemVar}. */
        SYSTEM_VAR,
        /** One custom {@code x:} variable, {@code @CallbackVar}. */
        CUSTOM_VAR
    }

    private Source source;
    private String variable;
    private String bodyKey;
    private Class<?> type;
    private boolean optional;

    public CallbackParameter() {
        // for the bytecode recorder
    }

    public CallbackParameter(Source source, String variable, String bodyKey, Class<?> type, boolean optional) {
        this.source = source;
        this.variable = variable;
        this.bodyKey = bodyKey;
        this.type = type;
        this.optional = optional;
    }

    public Source getSource() {
        return source;
    }

    public void setSource(Source source) {
        this.source = source;
    }

    /** The variable name inside {@code ${...}}: {@code size}, or {@code x:user} for custom variables; null for UPLOAD. */
    public String getVariable() {
        return variable;
    }

    public void setVariable(String variable) {
        this.variable = variable;
    }

    /** The key of the field in the callback body that carries the value; null for UPLOAD. */
    public String getBodyKey() {
        return bodyKey;
    }

    public void setBodyKey(String bodyKey) {
        this.bodyKey = bodyKey;
    }

    /** Whether the parameter is an {@code Optional}: then {@link #getType()} is its element type. */
    public boolean isOptional() {
        return optional;
    }

    public void setOptional(boolean optional) {
        this.optional = optional;
    }

    /** The declared parameter type, or the element type of an {@code Optional}. */
    public Class<?> getType() {
        return type;
    }

    public void setType(Class<?> type) {
        this.type = type;
    }
}
