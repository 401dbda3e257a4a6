package io.quarkiverse.alioss.emulator.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import io.vertx.core.Vertx;

/**
 * The blob files of a data directory while its index is loaded: one {@link FileBlob} per file, shared by every object
 * whose segments name it, so that a file is deleted only when its last object is.
 */
final class BlobFiles {

    private static final Logger LOG = Logger.getLogger(BlobFiles.class.getName());
    /** The names {@link BlobStorage} gives; anything else in a record is not ours to open. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+\\.blob");

    private final Vertx vertx;
    private final Path dataDir;
    private final Map<String, FileBlob> opened = new HashMap<>();

    BlobFiles(Vertx vertx, Path dataDir) {
        this.vertx = vertx;
        this.dataDir = dataDir;
    }

    /** The blob made of these segments, holding its own reference to each file. */
    Blob blobOf(List<BlobSegment> segments) throws IOException {
        List<Blob> parts = new ArrayList<>();
        try {
            for (BlobSegment segment : segments) {
                parts.add(part(segment));
            }
        } catch (IOException | RuntimeException e) {
            parts.forEach(Blob::release);
            throw e;
        }
        if (parts.isEmpty()) {
            return new MemoryBlob(List.of(), 0);
        }
        return parts.size() == 1 ? parts.get(0) : new CompositeBlob(parts);
    }

    private Blob part(BlobSegment segment) throws IOException {
        if (segment.inline() != null) {
            return new MemoryBlob(List.of(segment.inline()), segment.inline().length());
        }
        FileBlob file = open(segment.file());
        if (segment.offset() < 0 || segment.length() < 0 || segment.offset() + segment.length() > file.length()) {
            throw new IOException("bytes " + segment.offset() + "+" + segment.length() + " are beyond the end of "
                    + segment.file() + " (" + file.length() + " bytes)");
        }
        file.retain();
        return segment.offset() == 0 && segment.length() == file.length() ? file
                : new SliceBlob(file, segment.offset(), segment.length());
    }

    private FileBlob open(String name) throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IOException("'" + name + "' is not the name of a blob file");
        }
        FileBlob file = opened.get(name);
        if (file == null) {
            Path path = dataDir.resolve(name);
            if (!Files.isRegularFile(path)) {
                throw new IOException("its bytes, " + name + ", are gone");
            }
            // the loader's own reference, dropped by finish()
            file = new FileBlob(vertx, path.toString(), Files.size(path));
            opened.put(name, file);
        }
        return file;
    }

    /**
     * Drops the loader's references and deletes the blob files no loaded object uses: bytes of an upload that was in
     * progress, of a write that stopped before its record, or of a record that could not be read.
     */
    void finish() throws IOException {
        opened.values().forEach(FileBlob::release);
        int orphans = 0;
        try (DirectoryStream<Path> blobs = Files.newDirectoryStream(dataDir, "*.blob")) {
            for (Path blob : blobs) {
                if (!opened.containsKey(blob.getFileName().toString())) {
                    Files.deleteIfExists(blob);
                    orphans++;
                }
            }
        }
        if (orphans > 0) {
            int deleted = orphans;
            LOG.info(() -> "OSS emulator: deleted " + deleted + " blob file(s) no stored object uses in " + dataDir);
        }
    }
}
