package io.quarkiverse.alioss.emulator.server;

import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.alioss.emulator.store.MultipartUpload;

/**
 * One page of ListMultipartUploads: uploads in OSS's order (key, then upload ID, both lexicographic) after the
 * {@code key-marker}/{@code upload-id-marker} pair, keys under a delimiter grouped into common prefixes, at most
 * {@code maxUploads} entries (uploads and prefixes together).
 *
 * @param nextKeyMarker key (or common prefix) of the last entry, "" when none
 * @param nextUploadIdMarker upload ID of the last entry, "" when none or when it is a prefix
 */
record UploadListing(List<MultipartUpload> uploads, List<String> prefixes, boolean truncated, String nextKeyMarker,
        String nextUploadIdMarker) {

    /** @param sorted all uploads of the bucket, in OSS's order */
    static UploadListing of(List<MultipartUpload> sorted, String prefix, String delimiter, String keyMarker,
            String uploadIdMarker, int maxUploads) {
        String p = prefix == null ? "" : prefix;
        String d = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        String marker = keyMarker == null ? "" : keyMarker;
        List<MultipartUpload> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String nextKey = "";
        String nextUploadId = "";
        for (MultipartUpload upload : sorted) {
            String key = upload.key();
            if (!key.startsWith(p) || !after(upload, marker, uploadIdMarker)) {
                continue;
            }
            String common = KeyListing.commonPrefix(key, p, d);
            if (common != null && (prefixes.contains(common) || (marker.startsWith(common) && !marker.isEmpty()))) {
                continue;
            }
            if (uploads.size() + prefixes.size() == maxUploads) {
                return new UploadListing(uploads, prefixes, true, nextKey, nextUploadId);
            }
            if (common != null) {
                prefixes.add(common);
                nextKey = common;
                nextUploadId = "";
            } else {
                uploads.add(upload);
                nextKey = key;
                nextUploadId = upload.uploadId();
            }
        }
        return new UploadListing(uploads, prefixes, false, nextKey, nextUploadId);
    }

    /** Whether an upload comes after the markers: a later key, or the marker key with a later upload ID. */
    private static boolean after(MultipartUpload upload, String keyMarker, String uploadIdMarker) {
        int byKey = upload.key().compareTo(keyMarker);
        if (byKey != 0 || keyMarker.isEmpty()) {
            return byKey > 0 || keyMarker.isEmpty();
        }
        return uploadIdMarker != null && !uploadIdMarker.isEmpty() && upload.uploadId().compareTo(uploadIdMarker) > 0;
    }
}
