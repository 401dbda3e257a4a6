package io.quarkiverse.alioss.deployment.callback;

import io.quarkus.runtime.BlockingOperationControl;
import io.vertx.core.Context;

/** Where a callback method ran. */
record ThreadRecord(boolean eventLoop, boolean blockingAllowed, boolean virtual) {

    static ThreadRecord current() {
        return new ThreadRecord(Context.isOnEventLoopThread(), BlockingOperationControl.isBlockingAllowed(),
                isVirtual(Thread.currentThread()));
    }

    /** Thread.isVirtual() is Java 21; the code compiles for 17 and the tests run on 25. */
    private static boolean isVirtual(Thread thread) {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
