package io.quarkiverse.alioss.benchmarks.callback;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;

/** The same callback method three times, once per thread the extension can run it on. */
@ApplicationScoped
public class CallbackReceivers {

    /** A plain return: the method may block, so it runs on a worker thread. */
    @OssCallback(path = "/route/plain", name = "plain")
    public CallbackReceipt plain(OssUpload upload, @CallbackVar("user") String user) {
        return CallbackReceipt.of(upload, user);
    }

    /** A {@code Uni} return: runs on the event loop, like the bare route. */
    @OssCallback(path = "/route/uni", name = "uni")
    public Uni<CallbackReceipt> uni(OssUpload upload, @CallbackVar("user") String user) {
        return Uni.createFrom().item(CallbackReceipt.of(upload, user));
    }

    @RunOnVirtualThread
    @OssCallback(path = "/route/virtual", name = "virtual")
    public CallbackReceipt virtual(OssUpload upload, @CallbackVar("user") String user) {
        return CallbackReceipt.of(upload, user);
    }
}
