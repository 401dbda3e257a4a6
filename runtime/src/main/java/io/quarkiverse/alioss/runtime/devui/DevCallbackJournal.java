package io.quarkiverse.alioss.runtime.devui;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.alioss.runtime.callback.CallbackEndpoint;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackJournal;
import io.quarkiverse.alioss.runtime.callback.receive.CallbackRefusal;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * Dev mode's journal of callback requests: the last {@value #CAPACITY}, for the Dev UI's deliveries page, and their
 * replay. Created only in dev mode ({@link #create}); nothing else refers to this class, so it is never loaded elsewhere.
 * <p>
 * A replay sends the recorded request again, byte for byte, to the address it arrived at, so that it goes through the
 * whole pipeline once more: signature, token, binding, the method. Only the single-use claim differs: a delivery the
 * application accepted has used its token, so its replay carries a one-time random nonce in {@value #REPLAY_HEADER}
 * that this journal handed out, and only that request skips the claim. A refused delivery is replayed without it, and is
 * refused again for the same reason.
 */
public final class DevCallbackJournal implements CallbackJournal {

    static final int CAPACITY = 50;
    static final String REPLAY_HEADER = "x-quarkus-alioss-dev-replay";
    private static final String ENTRY = DevCallbackJournal.class.getName() + ".delivery";
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(30);

    private final Deque<Delivery> deliveries = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Replay> pendingReplays = new ConcurrentHashMap<>();
    private final BroadcastProcessor<JsonObject> finished = BroadcastProcessor.create();
    private final SecureRandom random = new SecureRandom();
    private final WebClient http;

    private DevCallbackJournal(Vertx vertx) {
        // the replay goes to this application's own port; in dev mode that may be https with a development certificate
        this.http = WebClient.create(vertx, new WebClientOptions().setTrustAll(true).setVerifyHost(false)
                .setFollowRedirects(false));
    }

    /** The journal of a dev-mode application; typed as the interface so that callers do not load this class. */
    public static CallbackJournal create(Vertx vertx) {
        return new DevCallbackJournal(vertx);
    }

    @Override
    public boolean received(RoutingContext ctx, CallbackEndpoint endpoint) {
        String nonce = ctx.request().getHeader(REPLAY_HEADER);
        Replay replay = nonce == null ? null : pendingReplays.remove(nonce);
        Delivery delivery = new Delivery(ids.incrementAndGet(), endpoint, ctx, replay);
        ctx.put(ENTRY, delivery);
        ctx.addEndHandler(ended -> finish(delivery, ctx.response().getStatusCode(), ctx.response().bytesWritten(),
                ended.succeeded()));
        return replay != null && replay.skipsClaim();
    }

    @Override
    public void bodyRead(RoutingContext ctx, byte[] body) {
        Delivery delivery = ctx.get(ENTRY);
        if (delivery != null) {
            delivery.body(body);
        }
    }

    @Override
    public void refused(RoutingContext ctx, CallbackRefusal refusal) {
        Delivery delivery = ctx.get(ENTRY);
        if (delivery != null) {
            delivery.refusal(refusal);
        }
    }

    private void finish(Delivery delivery, int status, long replyBytes, boolean replySent) {
        delivery.finish(status, replyBytes, replySent);
        synchronized (deliveries) {
            deliveries.addFirst(delivery);
            while (deliveries.size() > CAPACITY) {
                deliveries.removeLast();
            }
        }
        if (delivery.replay() != null) {
            delivery.replay().finished(delivery);
        }
        finished.onNext(delivery.view());
    }

    /** The recorded deliveries, newest first. */
    public List<JsonObject> deliveries() {
        synchronized (deliveries) {
            return deliveries.stream().map(Delivery::view).toList();
        }
    }

    /** Each delivery as it finishes. */
    public Multi<JsonObject> stream() {
        return finished;
    }

    /**
     * Sends delivery {@code id} again and answers with the delivery the replay became.
     *
     * @throws IllegalArgumentException when the journal no longer holds it, or it never got as far as a body
     */
    public Uni<JsonObject> replay(long id) {
        Delivery original = find(id).orElseThrow(() -> new IllegalArgumentException("No delivery #" + id
                + " in the journal: it keeps the last " + CAPACITY));
        if (original.body() == null) {
            throw new IllegalArgumentException("Delivery #" + id + " cannot be replayed: its body was never received ("
                    + original.code() + ")");
        }
        String nonce = HexFormat.of().formatHex(random.generateSeed(16));
        Replay replay = new Replay(id, original.accepted());
        pendingReplays.put(nonce, replay);
        var request = http.request(HttpMethod.POST, original.port(), original.host(), original.requestTarget())
                .ssl(original.ssl()).timeout(REPLAY_TIMEOUT.toMillis());
        original.replayHeaders().forEach(request::putHeader);
        request.putHeader(REPLAY_HEADER, nonce);
        return Uni.createFrom().completionStage(() -> request.sendBuffer(Buffer.buffer(original.body()))
                .toCompletionStage())
                .onItemOrFailure().call(() -> {
                    pendingReplays.remove(nonce);
                    return Uni.createFrom().nullItem();
                })
                .chain(response -> Uni.createFrom().completionStage(replay.delivery()).ifNoItem()
                        .after(REPLAY_TIMEOUT).fail())
                .map(Delivery::view);
    }

    private Optional<Delivery> find(long id) {
        synchronized (deliveries) {
            return deliveries.stream().filter(d -> d.id() == id).findFirst();
        }
    }

    /**
     * One replay this journal sent: which delivery it repeats, whether it skips the claim, and the delivery it became.
     */
    record Replay(long originalId, boolean skipsClaim, CompletableFuture<Delivery> delivery) {

        Replay(long originalId, boolean skipsClaim) {
            this(originalId, skipsClaim, new CompletableFuture<>());
        }

        void finished(Delivery replayed) {
            delivery.complete(replayed);
        }
    }
}
