package io.quarkiverse.alioss.emulator.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Vertx;

/** All buckets of one emulator instance and the storage their bytes live in. */
public final class ObjectStore {

    private final BlobStorage storage;
    private final Clock clock;
    private final ObjectIndex index;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ObjectStore(BlobStorage storage, Clock clock) {
        this(storage, clock, ObjectIndex.IN_MEMORY);
    }

    private ObjectStore(BlobStorage storage, Clock clock, ObjectIndex index) {
        this.storage = storage;
        this.clock = clock;
        this.index = index;
    }

    /**
     * A store kept in {@code dataDir}: bytes in blob files, buckets and objects in a durable index, both found again
     * by the next store opened on the same directory. Holds the directory until {@link #close()}.
     *
     * @throws IllegalStateException when another emulator uses the directory
     */
    public static ObjectStore inDirectory(Vertx vertx, Path dataDir, Clock clock) {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        try {
            DirectoryIndex index = new DirectoryIndex(dataDir, lock);
            ObjectStore store = new ObjectStore(BlobStorage.inDirectory(vertx, dataDir), clock, index);
            new IndexLoader(vertx, dataDir, index, clock).load()
                    .forEach(bucket -> store.buckets.put(bucket.name(), bucket));
            return store;
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    public BlobStorage storage() {
        return storage;
    }

    /** Creates the bucket if it does not exist yet; returns it either way. */
    public Bucket createBucket(String name) {
        return buckets.computeIfAbsent(name, n -> {
            Bucket bucket = new Bucket(n, clock.instant(), index);
            index.bucketCreated(bucket);
            return bucket;
        });
    }

    /** Removes the bucket unless it holds objects or uploads; false when it does (or does not exist). */
    public boolean deleteBucketIfEmpty(String name) {
        Bucket bucket = buckets.get(name);
        if (bucket != null && bucket.isEmpty() && buckets.remove(name, bucket)) {
            index.bucketDeleted(name);
            return true;
        }
        return false;
    }

    public Optional<Bucket> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    public List<Bucket> buckets() {
        List<Bucket> all = new ArrayList<>(buckets.values());
        all.sort(Comparator.comparing(Bucket::name));
        return all;
    }

    /** Deletes every bucket and object, from the durable index too. */
    public void clear() {
        buckets.values().forEach(bucket -> {
            bucket.releaseAll();
            index.bucketDeleted(bucket.name());
        });
        buckets.clear();
    }

    /**
     * The emulator stops: frees what memory holds. A durable store keeps its objects' bytes and records for the next
     * start and forgets only the uploads in progress, which are not recorded.
     */
    public void close() {
        buckets.values().forEach(index.durable() ? Bucket::releaseUploads : Bucket::releaseAll);
        buckets.clear();
        index.close();
    }
}
