package io.quarkiverse.alioss.deployment.callback.token;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Consumer;

import io.quarkiverse.alioss.deployment.callback.CallbackTokenStoreBuildItem;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.MainBytecodeRecorderBuildItem;
import io.quarkus.deployment.recording.BytecodeRecorderImpl;

/**
 * Stands for the callback routes: consumes {@link CallbackTokenStoreBuildItem} as they do and records handing its
 * store to {@link TokenStoreProbeRecorder}, so that a test reaches the very store the routes would get.
 */
final class TokenStoreProbe {

    private TokenStoreProbe() {
    }

    static Consumer<BuildChainBuilder> exposeTheStore() {
        return chain -> chain.addBuildStep(new BuildStep() {
            @Override
            public void execute(BuildContext context) {
                BytecodeRecorderImpl recorder = new BytecodeRecorderImpl(false, TokenStoreProbe.class.getSimpleName(),
                        "exposeTheStore", "0", true);
                try {
                    // the recorder is an application class: the build sees the application's copy, not this test's
                    Class<?> recorderClass = Thread.currentThread().getContextClassLoader()
                            .loadClass(TokenStoreProbeRecorder.class.getName());
                    Method expose = Arrays.stream(recorderClass.getMethods())
                            .filter(method -> method.getName().equals("expose"))
                            .findFirst().orElseThrow();
                    expose.invoke(recorder.getRecordingProxy(recorderClass),
                            context.consume(CallbackTokenStoreBuildItem.class).store());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                context.produce(new MainBytecodeRecorderBuildItem(recorder));
            }
        }).consumes(CallbackTokenStoreBuildItem.class).produces(MainBytecodeRecorderBuildItem.class).build();
    }
}
