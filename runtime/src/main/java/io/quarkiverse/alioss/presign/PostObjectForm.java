package io.quarkiverse.alioss.presign;

import java.time.Instant;
import java.util.Map;

/**
 * What a web page needs for a browser upload straight to OSS (PostObject): POST a {@code multipart/form-data} form to
 * {@code url} with these fields in this order, then the {@code file} field last. Serializable to JSON as is.
 *
 * @param url the bucket URL to post to
 * @param fields form fields in order: key, policy, signature fields, callback and {@code x:} variables, ...
 * @param expiresAt when the policy expires
 */
public record PostObjectForm(String url, Map<String, String> fields, Instant expiresAt) {

    /** The signed fields are a bearer credential: logs get the field names and the key, never the values. */
    @Override
    public String toString() {
        return "PostObjectForm[url=" + url + ", key=" + fields.get("key") + ", fields=" + fields.keySet()
                + ", expiresAt=" + expiresAt + "]";
    }
}
