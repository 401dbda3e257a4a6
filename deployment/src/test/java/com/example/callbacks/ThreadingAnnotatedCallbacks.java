package com.example.callbacks;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.SystemVar;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Callbacks that choose their thread, in a package of the kind applications have: Quarkus lets classes under
 * {@code io.quarkiverse.*} use execution-model annotations anywhere, which would hide a missing permission.
 */
@ApplicationScoped
public class ThreadingAnnotatedCallbacks {

    @NonBlocking
    @OssCallback(path = "/oss/non-blocking", name = "nonBlocking")
    public String nonBlocking(@SystemVar("object") String object) {
        return object;
    }

    @Blocking
    @OssCallback(path = "/oss/blocking", name = "blocking")
    public String blocking(@SystemVar("object") String object) {
        return object;
    }

    @RunOnVirtualThread
    @OssCallback(path = "/oss/virtual", name = "virtual")
    public String virtual(@SystemVar("object") String object) {
        return object;
    }
}
