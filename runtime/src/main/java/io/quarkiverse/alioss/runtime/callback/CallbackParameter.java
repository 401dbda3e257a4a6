package io.quarkiverse.alioss.runtime.callback;

/**
 * How one parameter of an {@code @OssCallback} method is bound, computed and validated at build time and recorded for
 * the generated route handler.
 *
 * @param variable the variable name inside {@code ${...}}: {@code size}, or {@code x:user} for custom variables; null
 *        for UPLOAD
 * @param bodyKey the key of the field in the callback body that carries the value; null for UPLOAD
 * @param type the declared parameter type, or the element type of an {@code Optional}
 * @param optional whether the parameter is an {@code Optional}: then {@code type} is its element type
 */
public record CallbackParameter(Source source, String variable, String bodyKey, Class<?> type, boolean optional) {

    /** Where the value comes from. */
    public enum Source {
        /** The whole {@code OssUpload}, made of all system variables. */
        UPLOAD,
        /** One system variable, {@code @SystemVar}. */
        SYSTEM_VAR,
        /** One custom {@code x:} variable, {@code @CallbackVar}. */
        CUSTOM_VAR
    }
}
