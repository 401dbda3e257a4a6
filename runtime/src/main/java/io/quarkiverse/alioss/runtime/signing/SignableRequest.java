package io.quarkiverse.alioss.runtime.signing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a signer needs to know about one OSS request: method, bucket and key (not encoded), query parameters in order
 * (a parameter may have no value), and headers (names case-insensitive, one value each).
 * <p>
 * The signers add headers to it ({@code x-oss-date}, {@code Authorization}, ...); the client then sends exactly these
 * headers. The resource is always {@code /bucket/key}, whatever the addressing style the client uses.
 */
public final class SignableRequest {

    private final String method;
    private final String bucket;
    private final String key;
    private final List<QueryParam> query = new ArrayList<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> additionalHeaders = new LinkedHashSet<>();

    private SignableRequest(String method, String bucket, String key) {
        this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = key;
    }

    /** An object operation such as PutObject. */
    public static SignableRequest forObject(String method, String bucket, String key) {
        return new SignableRequest(method, bucket, Objects.requireNonNull(key, "key"));
    }

    /** A bucket operation such as ListObjectsV2. */
    public static SignableRequest forBucket(String method, String bucket) {
        return new SignableRequest(method, bucket, null);
    }

    public SignableRequest query(String name, String value) {
        query.add(QueryParam.of(name, value));
        return this;
    }

    /** Adds a query parameter without value, such as {@code uploads}. */
    public SignableRequest queryFlag(String name) {
        query.add(QueryParam.flag(name));
        return this;
    }

    /** Sets a header, replacing any value under the same name in any letter case. */
    public SignableRequest header(String name, String value) {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, () -> "value of header " + name);
        headers.remove(name); // so that the name keeps the caller's latest spelling
        headers.put(name, value);
        return this;
    }

    /**
     * Asks V4 to sign these headers too (e.g. {@code host}). Names are matched case-insensitively; names of headers the
     * request does not carry and names V4 signs anyway are dropped when signing. V1 ignores them.
     */
    public SignableRequest additionalHeaders(Collection<String> names) {
        additionalHeaders.addAll(names);
        return this;
    }

    public String method() {
        return method;
    }

    /** The bucket; the client signs no service operations (such as ListBuckets). */
    public String bucket() {
        return bucket;
    }

    /** The object key, or {@code null} for a bucket operation. */
    public String key() {
        return key;
    }

    public List<QueryParam> queryParams() {
        return Collections.unmodifiableList(query);
    }

    /** Headers, case-insensitive by name. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Set<String> additionalHeaders() {
        return Collections.unmodifiableSet(additionalHeaders);
    }

    /** {@code /bucket/key} or {@code /bucket/}, not encoded: the resource both signature versions sign. */
    public String resourcePath() {
        return key == null ? "/" + bucket + "/" : "/" + bucket + "/" + key;
    }
}
