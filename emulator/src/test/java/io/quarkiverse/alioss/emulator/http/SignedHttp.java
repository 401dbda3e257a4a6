package io.quarkiverse.alioss.emulator.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkiverse.alioss.emulator.OssEmulator;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * Sends any request, V4-signed in the Authorization header, for what the SDK has no method for (any sub-resource with
 * any method, chosen headers). Written from the V4 description, independently of the emulator's verifier.
 */
public final class SignedHttp implements AutoCloseable {

    private static final DateTimeFormatter V4_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final OssEmulator emulator;
    private final RawHttp http;
    private String region;

    public SignedHttp(OssEmulator emulator) {
        this.emulator = emulator;
        this.http = new RawHttp(emulator.port());
        this.region = emulator.region();
    }

    /** Signs for another region than the emulator's (to see how a wrong region is refused). */
    public SignedHttp region(String region) {
        this.region = region;
        return this;
    }

    /**
     * @param bucket null for a service request
     * @param key null for a bucket request
     * @param query parameters in order; a null or empty value is sent as the bare name
     */
    public RawHttp.Response send(HttpMethod method, String bucket, String key, Map<String, String> query,
            MultiMap headers, Buffer body) throws Exception {
        MultiMap all = MultiMap.caseInsensitiveMultiMap();
        if (headers != null) {
            all.addAll(headers);
        }
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(V4_TIME);
        all.set("x-oss-date", now);
        all.set("x-oss-content-sha256", "UNSIGNED-PAYLOAD");
        String path = bucket == null ? "/" : "/" + bucket + "/" + (key == null ? "" : key);
        Map<String, String> params = query == null ? Map.of() : query;
        String canonical = method.name() + "\n" + encode(path, true) + "\n" + canonicalQuery(params) + "\n"
                + canonicalHeaders(all) + "\n\nUNSIGNED-PAYLOAD";
        String scope = now.substring(0, 8) + "/" + region + "/oss/aliyun_v4_request";
        String stringToSign = "OSS4-HMAC-SHA256\n" + now + "\n" + scope + "\n"
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] k = ("aliyun_v4" + emulator.accessKeySecret()).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] { now.substring(0, 8), region, "oss", "aliyun_v4_request" }) {
            k = hmac(k, part);
        }
        all.set("Authorization", "OSS4-HMAC-SHA256 Credential=" + emulator.accessKeyId() + "/" + scope
                + ",Signature=" + HexFormat.of().formatHex(hmac(k, stringToSign)));
        StringBuilder uri = new StringBuilder(encode(path, true));
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            uri.append(sep).append(encode(p.getKey(), false));
            if (p.getValue() != null && !p.getValue().isEmpty()) {
                uri.append('=').append(encode(p.getValue(), false));
            }
            sep = '&';
        }
        return http.send(method, uri.toString(), all, body);
    }

    /** Query parameters in the order given. */
    public static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    private static String canonicalQuery(Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        params.forEach((k, v) -> sorted.put(encode(k, false), v == null ? "" : encode(v, false)));
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, v) -> pairs.add(v.isEmpty() ? k : k + "=" + v));
        return String.join("&", pairs);
    }

    private static String canonicalHeaders(MultiMap headers) {
        TreeMap<String, String> sorted = new TreeMap<>();
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-oss-") || lower.equals("content-type") || lower.equals("content-md5")) {
                sorted.put(lower, value.trim());
            }
        });
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> out.append(k).append(':').append(v).append('\n'));
        return out.toString();
    }

    private static String encode(String value, boolean keepSlash) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
        return keepSlash ? encoded.replace("%2F", "/") : encoded;
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        http.close();
    }
}
