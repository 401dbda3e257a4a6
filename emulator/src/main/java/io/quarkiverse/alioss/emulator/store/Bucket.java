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
    private final ObjectIndex index;
    /**
     * Changes of one key are serialised so that the index records them in the order the map sees them; the lookup
     * stays lock-free. Striped: a lock per key would have to be created and dropped with it.
     */
    private final Object[] keyLocks = new Object[32];

    Bucket(String name, Instant created, ObjectIndex index) {
        this.name = name;
        this.created = created;
        this.index = index;
        for (int i = 0; i < keyLocks.length; i++) {
            keyLocks[i] = new Object();
        }
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
        StoredObject old;
        synchronized (lockOf(object.key())) {
            index.objectStored(name, object);
            old = objects.put(object.key(), object);
        }
        if (old != null && old.blob() != object.blob()) {
            old.blob().release();
        }
    }

    /** Stores an object unless one with its key exists; true when stored. */
    public boolean putIfAbsent(StoredObject object) {
        synchronized (lockOf(object.key())) {
            if (objects.containsKey(object.key())) {
                return false;
            }
            index.objectStored(name, object);
            objects.put(object.key(), object);
            return true;
        }
    }

    /** Replaces an object by a changed copy sharing its bytes, unless it was replaced or deleted meanwhile. */
    public boolean replace(StoredObject current, StoredObject changed) {
        synchronized (lockOf(current.key())) {
            if (!current.equals(objects.get(current.key()))) {
                return false;
            }
            index.objectStored(name, changed);
            objects.put(current.key(), changed);
            return true;
        }
    }

    public boolean delete(String key) {
        StoredObject old;
        synchronized (lockOf(key)) {
            if (!objects.containsKey(key)) {
                return false;
            }
            index.objectDeleted(name, key);
            old = objects.remove(key);
        }
        old.blob().release();
        return true;
    }

    /** An object read back from the durable index at start. */
    void restore(StoredObject object) {
        objects.put(object.key(), object);
    }

    private Object lockOf(String key) {
        return keyLocks[Math.floorMod(key.hashCode(), keyLocks.length)];
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

    /** Frees the bytes of the uploads in progress only: the durable index keeps the objects' for the next start. */
    void releaseUploads() {
        uploads.values().forEach(MultipartUpload::releaseParts);
        uploads.clear();
    }

    /** Frees all bytes. */
    void releaseAll() {
        objects.values().forEach(o -> o.blob().release());
        objects.clear();
        releaseUploads();
    }
}
