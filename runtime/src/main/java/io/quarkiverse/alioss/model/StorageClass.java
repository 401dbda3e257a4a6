package io.quarkiverse.alioss.model;

import java.util.Optional;

/** An object's storage class ({@code x-oss-storage-class}), as OSS names it on the wire. */
public enum StorageClass {
    STANDARD("Standard"),
    /** Infrequent access. */
    IA("IA"),
    /** Must be restored (RestoreObject) before it can be read. */
    ARCHIVE("Archive"),
    /** Must be restored before it can be read. */
    COLD_ARCHIVE("ColdArchive"),
    /** Must be restored before it can be read. */
    DEEP_COLD_ARCHIVE("DeepColdArchive");

    private final String wireName;

    StorageClass(String wireName) {
        this.wireName = wireName;
    }

    /** The name in {@code x-oss-storage-class}. */
    public String wireName() {
        return wireName;
    }

    /** The storage class OSS names {@code value}; empty for a value this version does not know. */
    public static Optional<StorageClass> fromWireName(String value) {
        for (StorageClass storageClass : values()) {
            if (storageClass.wireName.equals(value)) {
                return Optional.of(storageClass);
            }
        }
        return Optional.empty();
    }
}
