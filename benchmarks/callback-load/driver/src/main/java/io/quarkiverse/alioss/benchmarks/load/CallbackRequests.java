package io.quarkiverse.alioss.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkiverse.alioss.runtime.callback.token.CallbackToken;
import io.vertx.core.buffer.Buffer;

/**
 * Complete HTTP/1.1 requests as OSS sends them, built before a measured window: a form body with all 14 system
 * variables and one {@code x:} variable (about 370 bytes), signed with the harness key, and for the routes that need
 * one, a fresh callback token per request (each is accepted once).
 */
final class CallbackRequests {

    static final String BUCKET = "bench-bucket";

    private final SigningKey key;
    private final String keyUrlHeader;
    private final String host;
    private final CallbackToken token;
    private final long tokenExpiry;
    private int sequence;

    /** @param token the application's token (same secret), or null when no request will carry one */
    CallbackRequests(SigningKey key, String keyUrl, String host, CallbackToken token) {
        this.key = key;
        this.keyUrlHeader = Base64.getEncoder().encodeToString(keyUrl.getBytes(StandardCharsets.UTF_8));
        this.host = host;
        this.token = token;
        // long enough for any run; each token is claimed once anyway
        this.tokenExpiry = Instant.now().plusSeconds(6 * 3600).getEpochSecond();
    }

    /** @param callbackName the template name whose token each request carries, or null for no token */
    List<Buffer> batch(String path, String callbackName, int count) {
        List<Buffer> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(request(path, callbackName, sequence++));
        }
        return requests;
    }

    private Buffer request(String path, String callbackName, int n) {
        String user = "user-" + n;
        String object = "uploads/" + user + "/avatar-" + (n % 97) + ".png";
        byte[] body = body(n, user, object);
        String target = callbackName == null ? path
                : path + "?" + CallbackToken.QUERY_PARAMETER + "=" + token.issue(new CallbackToken.Binding(
                        callbackName, BUCKET, object, false, false, Map.of("x:user", user)), tokenExpiry);
        String head = "POST " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "authorization: " + key.sign(target, body) + "\r\n"
                + "x-oss-pub-key-url: " + keyUrlHeader + "\r\n"
                + "\r\n";
        return Buffer.buffer(head.length() + body.length).appendString(head, "US-ASCII").appendBytes(body);
    }

    private static byte[] body(int n, String user, String object) {
        String form = "bucket=" + BUCKET
                + "&object=" + object.replace("/", "%2F")
                + "&etag=5B3C1A2E053D763E1B002CC607C5A0FE"
                + "&size=" + (100_000 + n % 1000)
                + "&mimeType=image%2Fpng"
                + "&imageInfo.height=600&imageInfo.width=800&imageInfo.format=png"
                + "&crc64=" + Long.toUnsignedString(0x9E3779B97F4A7C15L * (n + 1))
                + "&contentMd5=WzwaLgU9dj4bACzGB8Wg%2Fg%3D%3D"
                + "&vpcId="
                + "&clientIp=203.0.113.7"
                + "&reqId=5CF3E7821AB22D0FDB86" + String.format("%04X", n & 0xffff)
                + "&operation=PutObject"
                + "&x%3Auser=" + user;
        return form.getBytes(StandardCharsets.US_ASCII);
    }
}
