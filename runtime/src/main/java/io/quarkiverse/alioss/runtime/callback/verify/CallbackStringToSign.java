package io.quarkiverse.alioss.runtime.callback.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

    private static final byte[] EMPTY = new byte[0];

    private CallbackStringToSign() {
    }

    /** Thrown for a request target whose string to sign would also be that of a different request. */
    public static final class AmbiguousTargetException extends IllegalArgumentException {
        AmbiguousTargetException(String message) {
            super(message);
        }
    }

    /**
     * The whole string to sign. The verifier does not build it: it signs {@link #head} and then the body as received.
     *
     * @param requestTarget raw path and query as received, starting with {@code /}
     * @throws PercentDecoding.InvalidPercentEncodingException for an invalid percent sequence in the path
     * @throws AmbiguousTargetException for {@code ?}, {@code #} or a control character in the decoded path, or a
     *         control character in the query
     */
    public static byte[] of(String requestTarget, byte[] body) {
        byte[] head = head(requestTarget);
        byte[] whole = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    /**
     * What precedes the body in the string to sign: the decoded path, the raw query with its {@code ?}, {@code \n}.
     *
     * @throws PercentDecoding.InvalidPercentEncodingException for an invalid percent sequence in the path
     * @throws AmbiguousTargetException as {@link #of}
     */
    public static byte[] head(String requestTarget) {
        int q = requestTarget.indexOf('?');
        int pathEnd = q < 0 ? requestTarget.length() : q;
        byte[] decodedPath = PercentDecoding.decodePath(q < 0 ? requestTarget : requestTarget.substring(0, q));
        requireUnambiguousPath(decodedPath);
        byte[] query = q < 0 ? EMPTY : utf8(requestTarget, pathEnd);
        requireNoControlCharacter(query);
        byte[] head = Arrays.copyOf(decodedPath, decodedPath.length + query.length + 1);
        System.arraycopy(query, 0, head, decodedPath.length, query.length);
        head[head.length - 1] = '\n';
        return head;
    }

    /** The UTF-8 bytes of {@code text} from {@code start}; a query is ASCII, which needs no encoder. */
    private static byte[] utf8(String text, int start) {
        byte[] bytes = new byte[text.length() - start];
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return text.substring(start).getBytes(StandardCharsets.UTF_8);
            }
            bytes[i - start] = (byte) c;
        }
        return bytes;
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
