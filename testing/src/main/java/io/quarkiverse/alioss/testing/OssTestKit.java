package io.quarkiverse.alioss.testing;

import java.util.Objects;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.callback.OssCallbackTemplates;
import io.quarkiverse.alioss.runtime.client.BlockingOssClient;
import io.quarkiverse.alioss.runtime.client.ClientOptions;
import io.quarkiverse.alioss.runtime.client.VertxReactiveOssClient;
import io.quarkiverse.alioss.runtime.signing.OssV4Signer;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * The test kit for an application's own {@code @QuarkusTest}s, against the OSS emulator Dev Services starts:
 * <ul>
 * <li>{@link #callbacks()}: genuinely signed callbacks to the application, filled from its own callback templates, and
 * the callbacks the emulator delivered;</li>
 * <li>{@link #objects()}: seed and read objects;</li>
 * <li>{@link #faults()}: make the emulator fail.</li>
 * </ul>
 * Get it in a test with {@link #devServices()}; it holds no resources of its own.
 *
 * <pre>
 * OssTestKit oss = OssTestKit.devServices();
 * CallbackDelivery delivery = oss.callbacks().deliver("avatar", "avatars/bob.png", Map.of("user", "bob"));
 * assertThat(delivery.replyAs(AvatarSaved.class).user()).isEqualTo("bob");
 * </pre>
 */
public final class OssTestKit {

    private final EmulatorConnection connection;
    private final EmulatorControlClient control;

    private OssTestKit(EmulatorConnection connection) {
        this.connection = connection;
        this.control = new EmulatorControlClient(connection);
    }

    /**
     * The kit for the emulator of the running application, found in the configuration Dev Services gave it. Call it
     * from a {@code @QuarkusTest}.
     *
     * @throws IllegalStateException when the application does not use a Dev Services emulator (for example because
     *         {@code quarkus.oss.endpoint} is set), naming the property that shows it
     */
    public static OssTestKit devServices() {
        return new OssTestKit(EmulatorConnection.of(ConfigProvider.getConfig()));
    }

    /** Callbacks signed by the emulator, and those it delivered. */
    public EmulatorCallbacks callbacks() {
        return new EmulatorCallbacks(connection, control, () -> bean(OssCallbackTemplates.class));
    }

    /** The emulator's fault injection. */
    public EmulatorFaults faults() {
        return new EmulatorFaults(control);
    }

    /** The objects of the default bucket, through the application's default {@link OssClient} bean. */
    public EmulatorObjects objects() {
        return objects(bean(OssClient.class));
    }

    /** The objects of {@code client}'s bucket, through it: for example a named client the test injected. */
    public EmulatorObjects objects(OssClient client) {
        return new EmulatorObjects(Objects.requireNonNull(client, "client"), null);
    }

    /**
     * The objects of any bucket of the emulator, through a client the kit opens on it with the emulator's key pair,
     * whatever clients the application configures. Close it when done.
     */
    public EmulatorObjects objectsIn(String bucket) {
        ClientOptions options = ClientOptions.of(connection.endpoint(), bucket, true,
                new OssV4Signer(connection.region()), connection::credentials);
        VertxReactiveOssClient reactive = new VertxReactiveOssClient(bean(io.vertx.mutiny.core.Vertx.class), options);
        return new EmulatorObjects(new BlockingOssClient(reactive), reactive);
    }

    /** The emulator's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String emulatorUrl() {
        return connection.endpoint().toString();
    }

    private static <T> T bean(Class<T> type) {
        ArcContainer container = Arc.container();
        if (container == null || !container.isRunning()) {
            throw new IllegalStateException("The OSS test kit looks up the application's " + type.getSimpleName()
                    + " and needs a running application: use it from a @QuarkusTest");
        }
        return container.instance(type).get();
    }
}
