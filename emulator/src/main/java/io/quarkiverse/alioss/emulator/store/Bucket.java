package io.quarkiverse.alioss.emulator.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** A bucket: its objects sorted by key (the order listings use) and its multipart uploads in progress. */
public final class Bucket {

    private final String name;
    private final Instant created;
    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    private final Map<String, MultipartUpload> uploads = new ConcurrentHashMap<>();

    Bucket(String name, Instant created) {
        this.name = name;
        this.created = created;
    }

    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }

    public Optional<StoredObject> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** Stores (or replaces) an object; the replaced object's bytes are released. */
    public void put(StoredObject object) {
        StoredObject old = objects.put(object.key(), object);
        if (old != null && old.blob() != object.blob()) {
            old.blob().release();
        }
    }

    /** Stores an object unless one with its key exists; true when stored. */
    public boolean putIfAbsent(StoredObject object) {
        return objects.putIfAbsent(object.key(), object) == null;
    }

    /** Replaces an object by a changed copy sharing its bytes, unless it was replaced or deleted meanwhile. */
    public boolean replace(StoredObject current, StoredObject changed) {
        return objects.replace(current.key(), current, changed);
    }

    public boolean delete(String key) {
        StoredObject old = objects.remove(key);
        if (old != null) {
            old.blob().release();
        }
        return old != null;
    }

    public boolean isEmpty() {
        return objects.isEmpty() && uploads.isEmpty();
    }

    /** Objects from {@code from} on, in key order. */
    public NavigableMap<String, StoredObject> objectsFrom(String from, boolean inclusive) {
        return objects.tailMap(from, inclusive);
    }

    public void addUpload(MultipartUpload upload) {
        uploads.put(upload.uploadId(), upload);
    }

    public Optional<MultipartUpload> upload(String uploadId) {
        return Optional.ofNullable(uploads.get(uploadId));
    }

    public Optional<MultipartUpload> removeUpload(String uploadId) {
        return Optional.ofNullable(uploads.remove(uploadId));
    }

    /** Uploads in progress in OSS's listing order: by key, then by upload ID. */
    public List<MultipartUpload> uploads() {
        List<MultipartUpload> all = new ArrayList<>(uploads.values());
        all.sort((a, b) -> {
            int byKey = a.key().compareTo(b.key());
            return byKey != 0 ? byKey : a.uploadId().compareTo(b.uploadId());
        });
        return all;
    }

    /** Frees all bytes (on stop). */
    void releaseAll() {
        objects.values().forEach(o -> o.blob().release());
        objects.clear();
        uploads.values().forEach(MultipartUpload::releaseParts);
        uploads.clear();
    }
}
