package io.quarkiverse.alioss.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkiverse.alioss.OssClient;
import io.quarkiverse.alioss.OssException;
import io.quarkiverse.alioss.model.ListObjectsRequest;
import io.quarkiverse.alioss.model.ObjectSummary;
import io.quarkiverse.alioss.model.UploadOptions;

/**
 * Seeds and reads the objects of one bucket of the emulator, through an {@link OssClient}: the application's own, or
 * one the kit opened on the emulator for another bucket (then close this when done).
 */
public final class EmulatorObjects implements AutoCloseable {

    /** OSS deletes at most this many objects per DeleteMultipleObjects request. */
    static final int MAX_KEYS_PER_DELETE = 1000;

    private final OssClient client;
    private final AutoCloseable owned;

    EmulatorObjects(OssClient client, AutoCloseable owned) {
        this.client = client;
        this.owned = owned;
    }

    /** The client these objects are read and written with. */
    public OssClient client() {
        return client;
    }

    public String bucket() {
        return client.bucket();
    }

    public EmulatorObjects put(String key, byte[] content, String contentType) {
        client.putObject(key, content, UploadOptions.defaults().contentType(contentType));
        return this;
    }

    /** Stores bytes as {@code application/octet-stream}. */
    public EmulatorObjects put(String key, byte[] content) {
        return put(key, content, "application/octet-stream");
    }

    /** Stores text as UTF-8, {@code text/plain; charset=utf-8}. */
    public EmulatorObjects put(String key, String text) {
        return put(key, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    /** @throws OssException 404 {@code NoSuchKey} when there is no such object */
    public byte[] bytes(String key) {
        return client.getObject(key).bytes();
    }

    /** The object's bytes as UTF-8 text. */
    public String text(String key) {
        return new String(bytes(key), StandardCharsets.UTF_8);
    }

    public boolean exists(String key) {
        try {
            client.headObject(key);
            return true;
        } catch (OssException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** The keys starting with {@code prefix}, in OSS's (lexicographic) order; {@code ""} for all. */
    public List<String> keys(String prefix) {
        return client.listAllObjects(ListObjectsRequest.withPrefix(prefix)).map(ObjectSummary::key).toList();
    }

    /** Deletes the object; nothing happens when there is none, as on OSS. */
    public EmulatorObjects delete(String key) {
        client.deleteObject(key);
        return this;
    }

    /** Deletes every object whose key starts with {@code prefix}. */
    public EmulatorObjects deleteAll(String prefix) {
        List<String> keys = keys(prefix);
        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_DELETE) {
            client.deleteObjects(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS_PER_DELETE)));
        }
        return this;
    }

    /** Closes the client when the kit opened it; the application's own client is left alone. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not close the OSS client of bucket " + bucket(), e);
            }
        }
    }
}
