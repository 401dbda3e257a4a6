package io.quarkiverse.alioss.runtime.devui;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.alioss.OssCallbackFailedException;
import io.quarkiverse.alioss.OssClientName;
import io.quarkiverse.alioss.ReactiveOssClient;
import io.quarkiverse.alioss.callback.CallbackTarget;
import io.quarkiverse.alioss.callback.OssCallbackTemplate;
import io.quarkiverse.alioss.model.ListObjectsRequest;
import io.quarkiverse.alioss.model.UploadOptions;
import io.quarkiverse.alioss.runtime.callback.CallbackRuntime;
import io.quarkiverse.alioss.runtime.client.OssClientsByBucket;
import io.quarkiverse.alioss.runtime.config.OssSettingsRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;

/**
 * The Dev UI's JSON-RPC methods (dev mode only): the callback templates, the journal of deliveries and their replay, an
 * upload through a template to the Dev Services emulator, and the objects of the emulated buckets.
 */
public class OssDevUiService {

    /** The largest content the upload action takes from the browser. */
    static final int MAX_UPLOAD_CHARS = 1024 * 1024;
    private static final int OBJECTS_SHOWN = 200;

    @Inject
    OssSettingsRegistry settings;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper objectMapper;

    private volatile OssClientsByBucket clients;

    /** Each callback template: name, path, body type, variables, and the callback an upload would carry. */
    public JsonArray getTemplates() {
        JsonArray templates = new JsonArray();
        for (OssCallbackTemplate template : CallbackRuntime.current().templates().all()) {
            Map<String, String> examples = new LinkedHashMap<>();
            template.customVariables().forEach(variable -> examples.put(variable, "<" + variable + ">"));
            String callback = template.fill(examples).bind(CallbackTarget.upload("<bucket>", "<key>")).callbackJson();
            templates.add(new JsonObject()
                    .put("name", template.name())
                    .put("path", template.path())
                    .put("bodyType", template.bodyType().name())
                    .put("variables", new JsonArray(template.customVariables()))
                    .put("body", template.body())
                    .put("callback", callback));
        }
        return templates;
    }

    /** The recorded deliveries, newest first. */
    public JsonArray getDeliveries() {
        return new JsonArray(journal().deliveries());
    }

    /** Each delivery as it finishes. */
    public Multi<JsonObject> streamDeliveries() {
        return journal().stream();
    }

    /** Sends a recorded delivery again; answers with the new delivery, which names the one it repeats. */
    public Uni<JsonObject> replay(long id) {
        return Uni.createFrom().deferred(() -> journal().replay(id));
    }

    /**
     * Uploads {@code content} as {@code key} to the bucket of the first emulated client, with the callback of template
     * {@code callback}: the emulator then calls the application back, and the delivery appears in the journal.
     */
    public Uni<JsonObject> upload(String callback, String key, String content, Map<String, String> variables) {
        return Uni.createFrom().deferred(() -> {
            if (content.length() > MAX_UPLOAD_CHARS) {
                throw new IllegalArgumentException("content: at most " + MAX_UPLOAD_CHARS + " characters");
            }
            OssCallbackTemplate template = CallbackRuntime.current().templates().get(callback);
            Bucket bucket = firstBucket();
            UploadOptions options = UploadOptions.defaults().callback(template.fill(variables == null ? Map.of()
                    : variables));
            return bucket.client().putObject(key, content.getBytes(StandardCharsets.UTF_8), options)
                    .map(result -> new JsonObject().put("bucket", bucket.name()).put("key", key)
                            .put("status", 200).put("requestId", result.requestId())
                            .put("reply", result.callbackReply().map(reply -> reply.asString()).orElse(null)))
                    .onFailure(OssCallbackFailedException.class).recoverWithItem(failure -> new JsonObject()
                            .put("bucket", bucket.name()).put("key", key).put("status", 203)
                            .put("requestId", ((OssCallbackFailedException) failure).requestId().orElse(null))
                            .put("reply", failure.getMessage()));
        });
    }

    /** The buckets of the configured clients, each with its first objects. */
    public Uni<JsonArray> getObjects() {
        List<Uni<JsonObject>> listings = new ArrayList<>();
        for (Bucket bucket : buckets()) {
            listings.add(bucket.client().listObjects(ListObjectsRequest.all().maxKeys(OBJECTS_SHOWN))
                    .map(page -> {
                        JsonArray objects = new JsonArray();
                        page.objects().forEach(object -> objects.add(new JsonObject().put("key", object.key())
                                .put("size", object.size()).put("lastModified", object.lastModified().toString())));
                        return new JsonObject().put("bucket", bucket.name()).put("client", bucket.clientName())
                                .put("objects", objects).put("truncated", page.truncated());
                    })
                    .onFailure().recoverWithItem(failure -> new JsonObject().put("bucket", bucket.name())
                            .put("client", bucket.clientName()).put("error", failure.getMessage())));
        }
        if (listings.isEmpty()) {
            return Uni.createFrom().item(new JsonArray());
        }
        return Uni.join().all(listings).andCollectFailures().map(JsonArray::new);
    }

    @PreDestroy
    void close() {
        OssClientsByBucket owned = clients;
        if (owned != null) {
            owned.close();
        }
    }

    private DevCallbackJournal journal() {
        if (CallbackRuntime.current().journal() instanceof DevCallbackJournal journal) {
            return journal;
        }
        throw new IllegalStateException("The application has no @OssCallback methods, so there is no journal");
    }

    /** A configured client's bucket, and a client for it. */
    private record Bucket(String name, String clientName, ReactiveOssClient client) {
    }

    private Bucket firstBucket() {
        return buckets().stream().findFirst().orElseThrow(() -> new IllegalStateException(
                "No OSS client with a bucket is configured (Dev Services configure one when the emulator runs)"));
    }

    private List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        for (String name : settings.clientNames()) {
            Optional<String> bucket = settings.client(name).flatMap(options -> options.bucket());
            bucket.flatMap(clients()).ifPresent(client -> buckets.add(new Bucket(bucket.get(),
                    OssClientName.DEFAULT.equals(name) ? "<default>" : name, client)));
        }
        return buckets;
    }

    private OssClientsByBucket clients() {
        OssClientsByBucket current = clients;
        if (current == null) {
            synchronized (this) {
                if (clients == null) {
                    clients = new OssClientsByBucket(settings, vertx, objectMapper);
                }
                current = clients;
            }
        }
        return current;
    }
}
