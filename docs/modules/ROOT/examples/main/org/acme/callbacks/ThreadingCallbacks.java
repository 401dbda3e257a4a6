package org.acme.callbacks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.callback.SystemVar;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ThreadingCallbacks {

    // tag::defaults[]
    // a plain value or void: a worker thread, so the method may block
    @OssCallback(path = "/oss/archive", name = "archive")
    public void archived(OssUpload upload) { // answers {"status":"OK"}
    }

    // Uni or CompletionStage: the event loop, so the method must not block
    @OssCallback(path = "/oss/preview", name = "preview")
    public Uni<Map<String, String>> previewUploaded(@SystemVar("object") String key) {
        return Uni.createFrom().item(Map.of("preview", key));
    }

    @OssCallback(path = "/oss/attachment", name = "attachment")
    public CompletionStage<Map<String, Long>> attachmentUploaded(@SystemVar("size") long size) {
        return CompletableFuture.completedFuture(Map.of("size", size));
    }
    // end::defaults[]

    // tag::annotations[]
    @NonBlocking // on the event loop although it returns a plain value
    @OssCallback(path = "/oss/ping", name = "ping")
    public Map<String, String> pingUploaded(@SystemVar("object") String key) {
        return Map.of("object", key);
    }

    @Blocking // on a worker thread although it returns a Uni
    @OssCallback(path = "/oss/import", name = "import")
    public Uni<Long> importUploaded(@SystemVar("size") long size) {
        return Uni.createFrom().item(size);
    }

    @RunOnVirtualThread // on a virtual thread (Java 21 and later)
    @OssCallback(path = "/oss/transcode", name = "transcode")
    public Map<String, String> transcodeUploaded(@SystemVar("object") String key) {
        return Map.of("queued", key);
    }
    // end::annotations[]
}
