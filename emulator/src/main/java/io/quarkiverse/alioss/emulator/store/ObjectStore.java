package io.quarkiverse.alioss.emulator.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All buckets of one emulator instance and the storage their bytes live in. */
public final class ObjectStore {

    private final BlobStorage storage;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ObjectStore(BlobStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    public BlobStorage storage() {
        return storage;
    }

    /** Creates the bucket if it does not exist yet; returns it either way. */
    public Bucket createBucket(String name) {
        return buckets.computeIfAbsent(name, n -> new Bucket(n, clock.instant()));
    }

    /** Removes the bucket unless it holds objects or uploads; false when it does (or does not exist). */
    public boolean deleteBucketIfEmpty(String name) {
        Bucket bucket = buckets.get(name);
        return bucket != null && bucket.isEmpty() && buckets.remove(name, bucket);
    }

    public Optional<Bucket> bucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    public List<Bucket> buckets() {
        List<Bucket> all = new ArrayList<>(buckets.values());
        all.sort(Comparator.comparing(Bucket::name));
        return all;
    }

    public void clear() {
        buckets.values().forEach(Bucket::releaseAll);
        buckets.clear();
    }
}
