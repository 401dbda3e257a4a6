package io.quarkiverse.alioss.runtime.callback;

/** The thread an {@code @OssCallback} method runs on, decided at build time from its return type and annotations. */
public enum CallbackInvocation {
    /** On the Vert.x event loop: {@code Uni}/{@code CompletionStage} returns, or {@code @NonBlocking}. */
    EVENT_LOOP,
    /** On a worker thread: plain returns, or {@code @Blocking}. */
    WORKER,
    /** On a virtual thread: {@code @RunOnVirtualThread}. */
    VIRTUAL_THREAD
}
