package io.quarkiverse.alioss.emulator.store;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** An initiated multipart upload and its parts so far (a re-uploaded part number replaces the old part). */
public final class MultipartUpload {

    private final String uploadId;
    private final String key;
    private final Instant initiated;
    private final Map<String, String> headers;
    private final ConcurrentSkipListMap<Integer, UploadedPart> parts = new ConcurrentSkipListMap<>();

    public MultipartUpload(String uploadId, String key, Instant initiated, Map<String, String> headers) {
        this.uploadId = uploadId;
        this.key = key;
        this.initiated = initiated;
        this.headers = Map.copyOf(headers);
    }

    public String uploadId() {
        return uploadId;
    }

    public String key() {
        return key;
    }

    public Instant initiated() {
        return initiated;
    }

    /** Headers given at initiation, applied to the completed object. */
    public Map<String, String> headers() {
        return headers;
    }

    public void putPart(UploadedPart part) {
        UploadedPart old = parts.put(part.partNumber(), part);
        if (old != null) {
            old.blob().release();
        }
    }

    public NavigableMap<Integer, UploadedPart> parts() {
        return parts;
    }

    /** Frees the bytes of every part (after abort, or after completion retained what it uses). */
    public void releaseParts() {
        parts.values().forEach(p -> p.blob().release());
        parts.clear();
    }
}
