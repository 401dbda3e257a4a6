package io.quarkiverse.alioss.runtime.callback;

/** How an {@code @OssCallback} method hands back its reply. */
public enum CallbackResultKind {
    /** {@code void}: answered with a small JSON acknowledgement. */
    VOID,
    /** A value, serialized as JSON. */
    VALUE,
    /** A {@code Uni} whose item is serialized as JSON. */
    UNI,
    /** A {@code CompletionStage} whose result is serialized as JSON. */
    COMPLETION_STAGE
}
