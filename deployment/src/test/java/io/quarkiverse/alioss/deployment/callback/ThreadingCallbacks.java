package io.quarkiverse.alioss.deployment.callback;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssCallbackRefusedException;
import io.quarkiverse.alioss.callback.SystemVar;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;

/**
 * Callback methods of each return and threading kind, plus one that fails and one that refuses, shared by the route
 * tests (hand-signed and emulator-signed); each records how often and on which thread it ran.
 */
@ApplicationScoped
class ThreadingCallbacks {

    static final AtomicInteger CALLS = new AtomicInteger();
    static final Map<String, ThreadRecord> THREADS = new ConcurrentHashMap<>();

    static void reset() {
        CALLS.set(0);
        THREADS.clear();
    }

    @OssCallback(path = "/oss/stage", name = "stage")
    CompletionStage<Map<String, String>> stage(@SystemVar("bucket") String bucket) {
        record("stage");
        return CompletableFuture.supplyAsync(() -> Map.of("bucket", bucket));
    }

    @NonBlocking
    @OssCallback(path = "/oss/non-blocking", name = "nonBlocking")
    String nonBlocking(@SystemVar("bucket") String bucket) {
        record("nonBlocking");
        return bucket;
    }

    @Blocking
    @OssCallback(path = "/oss/blocking-uni", name = "blockingUni")
    Uni<Integer> blockingUni(@SystemVar("size") int size) {
        record("blockingUni");
        return Uni.createFrom().item(size);
    }

    @RunOnVirtualThread
    @OssCallback(path = "/oss/virtual", name = "virtual")
    long virtual(@SystemVar("size") long size) {
        record("virtual");
        return size;
    }

    @OssCallback(path = "/oss/fails", name = "fails")
    void fails(@SystemVar("bucket") String bucket) {
        record("fails");
        throw new IllegalStateException("database is down");
    }

    @OssCallback(path = "/oss/refuses", name = "refuses")
    Uni<Void> refuses(@SystemVar("bucket") String bucket) {
        record("refuses");
        return Uni.createFrom().failure(new OssCallbackRefusedException(409, "duplicate upload"));
    }

    private static void record(String method) {
        CALLS.incrementAndGet();
        THREADS.put(method, ThreadRecord.current());
    }
}
