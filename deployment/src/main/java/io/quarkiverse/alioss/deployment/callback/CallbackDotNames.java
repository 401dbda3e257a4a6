package io.quarkiverse.alioss.deployment.callback;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jboss.jandex.DotName;

import io.quarkiverse.alioss.callback.CallbackVar;
import io.quarkiverse.alioss.callback.OssCallback;
import io.quarkiverse.alioss.callback.OssUpload;
import io.quarkiverse.alioss.callback.SystemVar;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Names the callback build steps look for in the index. */
final class CallbackDotNames {

    static final DotName OSS_CALLBACK = DotName.createSimple(OssCallback.class);
    static final DotName CALLBACK_VAR = DotName.createSimple(CallbackVar.class);
    static final DotName SYSTEM_VAR = DotName.createSimple(SystemVar.class);
    static final DotName OSS_UPLOAD = DotName.createSimple(OssUpload.class);

    static final DotName BLOCKING = DotName.createSimple(Blocking.class);
    static final DotName NON_BLOCKING = DotName.createSimple(NonBlocking.class);
    static final DotName RUN_ON_VIRTUAL_THREAD = DotName.createSimple(RunOnVirtualThread.class);

    static final DotName UNI = DotName.createSimple(Uni.class);
    static final DotName MULTI = DotName.createSimple(Multi.class);
    static final DotName COMPLETION_STAGE = DotName.createSimple(CompletionStage.class);
    static final DotName COMPLETABLE_FUTURE = DotName.createSimple(CompletableFuture.class);
    static final DotName OPTIONAL = DotName.createSimple("java.util.Optional");

    private CallbackDotNames() {
    }
}
