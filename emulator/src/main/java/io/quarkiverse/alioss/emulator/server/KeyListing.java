package io.quarkiverse.alioss.emulator.server;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.alioss.emulator.store.Bucket;
import io.quarkiverse.alioss.emulator.store.StoredObject;

/**
 * One page of a bucket listing: objects and common prefixes after a marker, grouped by a delimiter, at most
 * {@code maxKeys} entries (objects and prefixes together).
 */
record KeyListing(List<StoredObject> objects, List<String> prefixes, boolean truncated, String nextMarker) {

    static KeyListing of(Bucket bucket, String prefix, String delimiter, String marker, int maxKeys) {
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        String after = marker == null ? "" : marker;
        List<StoredObject> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        // a marker that is itself a common prefix means everything under it was listed already
        String lastPrefix = d != null && after.endsWith(d) ? after : null;
        String lastEntry = null;
        for (StoredObject object : startAt(bucket, p, after).values()) {
            String key = object.key();
            if (key.compareTo(p) < 0 || key.compareTo(after) <= 0) {
                continue;
            }
            if (!key.startsWith(p)) {
                break;
            }
            String commonPrefix = commonPrefix(key, p, d);
            if (commonPrefix != null && commonPrefix.equals(lastPrefix)) {
                continue;
            }
            if (objects.size() + prefixes.size() == maxKeys) {
                return new KeyListing(objects, prefixes, true, lastEntry);
            }
            if (commonPrefix != null) {
                prefixes.add(commonPrefix);
                lastPrefix = commonPrefix;
                lastEntry = commonPrefix;
            } else {
                objects.add(object);
                lastEntry = key;
            }
        }
        return new KeyListing(objects, prefixes, false, null);
    }

    private static java.util.NavigableMap<String, StoredObject> startAt(Bucket bucket, String prefix, String after) {
        return after.compareTo(prefix) < 0 ? bucket.objectsFrom(prefix, true) : bucket.objectsFrom(after, false);
    }

    /** The part of a key up to and including the first delimiter after the prefix, or null. */
    static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }
}
