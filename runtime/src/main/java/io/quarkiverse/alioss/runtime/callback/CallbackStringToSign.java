package io.quarkiverse.alioss.runtime.callback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes OSS signs for a callback: the percent-decoded path, the raw query with its {@code ?} (only when there is a
 * query), {@code \n}, the raw body. No {@code ?} is added for a request without a query; {@code +} in the path stays
 * {@code +} (RFC 3986 decoding, not form decoding).
 * <p>
 * The parts are joined without any escaping, so a target is refused when it would sign the same bytes as a different
 * request: a decoded path with {@code ?} ({@code /a%3Fq} against {@code /a?q}), {@code #} or a control character
 * ({@code /a%0Ax} with body {@code B} against {@code /a} with body {@code x\nB}), or a raw query with a control
 * character. A genuine OSS callback never needs them.
 */
public final class CallbackStringToSign {

    private CallbackStringToSign() {
    }

    /** Thrown for a request target whose string to sign would also be that of a different request. */
    public static final class AmbiguousTargetException extends IllegalArgumentException {
        AmbiguousTargetException(String message) {
            super(message);
        }
    }

    /**
     * @param requestTarget raw path and query as received, starting with {@code /}
     * @throws PercentDecoding.InvalidPercentEncodingException for an invalid percent sequence in the path
     * @throws AmbiguousTargetException for {@code ?}, {@code #} or a control character in the decoded path, or a
     *         control character in the query
     */
    public static byte[] of(String requestTarget, byte[] body) {
        int q = requestTarget.indexOf('?');
        String path = q < 0 ? requestTarget : requestTarget.substring(0, q);
        byte[] decodedPath = PercentDecoding.decodePath(path);
        requireUnambiguousPath(decodedPath);
        byte[] query = q < 0 ? new byte[0] : requestTarget.substring(q).getBytes(StandardCharsets.UTF_8);
        requireNoControlCharacter(query);
        ByteArrayOutputStream out = new ByteArrayOutputStream(decodedPath.length + query.length + 1 + body.length);
        out.write(decodedPath, 0, decodedPath.length);
        out.write(query, 0, query.length);
        out.write('\n');
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private static void requireUnambiguousPath(byte[] decodedPath) {
        for (int i = 0; i < decodedPath.length; i++) {
            int b = decodedPath[i] & 0xff;
            if (b == '?' || b == '#') {
                throw new AmbiguousTargetException("the decoded path has '" + (char) b + "' at byte " + i);
            }
            if (isControl(b)) {
                throw new AmbiguousTargetException("the decoded path has control character " + hex(b) + " at byte "
                        + i);
            }
        }
    }

    private static void requireNoControlCharacter(byte[] query) {
        for (int i = 0; i < query.length; i++) {
            int b = query[i] & 0xff;
            if (isControl(b)) {
                throw new AmbiguousTargetException("the query has control character " + hex(b) + " at byte " + i);
            }
        }
    }

    /** ASCII controls; bytes of multi-byte UTF-8 sequences are all 0x80 or above, so they never match. */
    private static boolean isControl(int b) {
        return b < 0x20 || b == 0x7f;
    }

    private static String hex(int b) {
        return String.format("0x%02x", b);
    }
}
