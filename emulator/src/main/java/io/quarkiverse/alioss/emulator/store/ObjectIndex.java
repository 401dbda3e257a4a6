package io.quarkiverse.alioss.emulator.store;

/**
 * Follows the changes of the buckets and objects of a store, so that they can be found again after a restart. Called
 * before the in-memory change becomes visible: when it throws, the change does not happen.
 */
interface ObjectIndex {

    /** Keeps nothing: the store lives in memory only. */
    ObjectIndex IN_MEMORY = new ObjectIndex() {
    };

    /** Whether stored objects outlive the store, so closing it must leave their bytes alone. */
    default boolean durable() {
        return false;
    }

    default void bucketCreated(Bucket bucket) {
    }

    default void bucketDeleted(String bucket) {
    }

    default void objectStored(String bucket, StoredObject object) {
    }

    default void objectDeleted(String bucket, String key) {
    }

    /** The store is closed. */
    default void close() {
    }
}
