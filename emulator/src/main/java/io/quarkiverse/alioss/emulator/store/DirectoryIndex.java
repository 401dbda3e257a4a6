package io.quarkiverse.alioss.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

import io.vertx.core.json.JsonObject;

/**
 * The durable index of a data directory: one small JSON file per bucket and per object, next to the blob files.
 *
 * <pre>
 * &lt;data-dir&gt;/&lt;uuid&gt;.blob                              object bytes ({@link BlobStorage})
 * &lt;data-dir&gt;/index/&lt;bucket&gt;/bucket.json                 the bucket's creation time
 * &lt;data-dir&gt;/index/&lt;bucket&gt;/objects/&lt;sha-256 of key&gt;.json one {@link ObjectRecord} per object
 * </pre>
 *
 * Why a file per object rather than an append log: every change is one write of one small file, renamed over the old
 * one atomically, so an interrupted write leaves the old record or the new one, never half of either, and there is
 * nothing to compact or replay. A record that is damaged all the same costs that one object, not the index. Records
 * are written after the object's bytes and before the old bytes are released, so a crash in between leaves at worst
 * blob files no record names, which the next start deletes. No fsync: this is a dev and test store, meant to survive
 * restarts and killed processes, not power loss. Writes happen on the caller's thread (an event loop); they are small.
 */
final class DirectoryIndex implements ObjectIndex {

    static final String INDEX = "index";
    static final String BUCKET_FILE = "bucket.json";
    static final String OBJECTS = "objects";
    static final String RECORD_SUFFIX = ".json";
    static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path indexDir;
    private final DataDirLock lock;

    DirectoryIndex(Path dataDir, DataDirLock lock) {
        this.indexDir = dataDir.resolve(INDEX);
        this.lock = lock;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void bucketCreated(Bucket bucket) {
        Path dir = indexDir.resolve(bucket.name());
        try {
            Files.createDirectories(dir.resolve(OBJECTS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir.resolve(OBJECTS), e);
        }
        writeAtomically(dir.resolve(BUCKET_FILE),
                new JsonObject().put("created", bucket.created().toString()).toBuffer().getBytes());
    }

    @Override
    public void bucketDeleted(String bucket) {
        Path dir = indexDir.resolve(bucket);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    @Override
    public void objectStored(String bucket, StoredObject object) {
        writeAtomically(recordFile(bucket, object.key()), ObjectRecord.write(object).getBytes());
    }

    @Override
    public void objectDeleted(String bucket, String key) {
        Path file = recordFile(bucket, key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    @Override
    public void close() {
        lock.release();
    }

    /** Keys may hold any character and 1023 bytes: the file is named by the key's hash, the key is in the record. */
    private Path recordFile(String bucket, String key) {
        return indexDir.resolve(bucket).resolve(OBJECTS).resolve(recordName(key));
    }

    static String recordName(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash) + RECORD_SUFFIX;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }

    /** Writes a sibling temporary file and renames it over the target, so readers see the old or the new content. */
    private static void writeAtomically(Path target, byte[] content) {
        Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY_SUFFIX);
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
