package io.quarkiverse.alioss.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Reads a data directory's index ({@link DirectoryIndex}) back into buckets at start. A record that cannot be read is
 * renamed to {@code *.corrupt} and skipped with a warning: one damaged object must not stop the emulator.
 */
final class IndexLoader {

    private static final Logger LOG = Logger.getLogger(IndexLoader.class.getName());
    static final String CORRUPT_SUFFIX = ".corrupt";

    private final Path dataDir;
    private final ObjectIndex index;
    private final Clock clock;
    private final BlobFiles files;

    IndexLoader(Vertx vertx, Path dataDir, ObjectIndex index, Clock clock) {
        this.dataDir = dataDir;
        this.index = index;
        this.clock = clock;
        this.files = new BlobFiles(vertx, dataDir);
    }

    List<Bucket> load() {
        List<Bucket> buckets = new ArrayList<>();
        Path indexDir = dataDir.resolve(DirectoryIndex.INDEX);
        try {
            if (Files.isDirectory(indexDir)) {
                try (DirectoryStream<Path> dirs = Files.newDirectoryStream(indexDir, Files::isDirectory)) {
                    for (Path dir : dirs) {
                        buckets.add(loadBucket(dir));
                    }
                }
            }
            files.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the index of the data directory " + dataDir, e);
        }
        return buckets;
    }

    private Bucket loadBucket(Path dir) throws IOException {
        Instant created = created(dir.resolve(DirectoryIndex.BUCKET_FILE));
        Bucket bucket = new Bucket(dir.getFileName().toString(), created == null ? clock.instant() : created, index);
        if (created == null) {
            index.bucketCreated(bucket);
        }
        Path objects = dir.resolve(DirectoryIndex.OBJECTS);
        if (!Files.isDirectory(objects)) {
            return bucket;
        }
        try (DirectoryStream<Path> records = Files.newDirectoryStream(objects)) {
            for (Path record : records) {
                String name = record.getFileName().toString();
                if (name.endsWith(DirectoryIndex.TEMPORARY_SUFFIX)) {
                    // a write that never reached its rename: the record it was to replace is still there
                    Files.deleteIfExists(record);
                } else if (name.endsWith(DirectoryIndex.RECORD_SUFFIX)) {
                    loadObject(bucket, record);
                }
            }
        }
        return bucket;
    }

    private void loadObject(Bucket bucket, Path record) throws IOException {
        StoredObject object;
        try {
            object = ObjectRecord.read(Buffer.buffer(Files.readAllBytes(record)), files);
            if (!DirectoryIndex.recordName(object.key()).equals(record.getFileName().toString())) {
                object.blob().release();
                throw new IOException("it holds the key '" + object.key() + "', whose record has another name");
            }
        } catch (IOException e) {
            Path aside = record.resolveSibling(record.getFileName() + CORRUPT_SUFFIX);
            Files.move(record, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warning(() -> "OSS emulator: skipped an object of bucket " + bucket.name() + " whose record cannot be"
                    + " read (" + e.getMessage() + "); kept as " + aside);
            return;
        }
        bucket.restore(object);
    }

    /** A bucket's creation time, or null: a missing or damaged bucket file costs only that time, not the bucket. */
    private Instant created(Path bucketFile) {
        try {
            return Instant.parse(new JsonObject(Buffer.buffer(Files.readAllBytes(bucketFile))).getString("created"));
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "OSS emulator: cannot read " + bucketFile + " (" + e.getMessage()
                    + "); the bucket is kept with the current time as its creation time");
            return null;
        }
    }
}
