package io.quarkiverse.alioss.runtime.callback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes OSS signs for a callback: the percent-decoded path, the raw query with its {@code ?} (only when there is a
 * query), {@code \n}, the raw body. No {@code ?} is added for a request without a query; {@code +} in the path stays
 * {@code +} (RFC 3986 decoding, not form decoding).
 */
public final class CallbackStringToSign {

    private CallbackStringToSign() {
    }

    /**
     * @param requestTarget raw path and query as received, starting with {@code /}
     * @throws PercentDecoding.InvalidPercentEncodingException for an invalid percent sequence in the path
     */
    public static byte[] of(String requestTarget, byte[] body) {
        int q = requestTarget.indexOf('?');
        String path = q < 0 ? requestTarget : requestTarget.substring(0, q);
        byte[] decodedPath = PercentDecoding.decodePath(path);
        byte[] query = q < 0 ? new byte[0] : requestTarget.substring(q).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(decodedPath.length + query.length + 1 + body.length);
        out.write(decodedPath, 0, decodedPath.length);
        out.write(query, 0, query.length);
        out.write('\n');
        out.write(body, 0, body.length);
        return out.toByteArray();
    }
}
