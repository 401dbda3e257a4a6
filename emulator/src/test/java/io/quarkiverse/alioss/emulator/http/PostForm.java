package io.quarkiverse.alioss.emulator.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** Builds a browser-style PostObject form (fields, then the file) and signs policies, independently of the emulator. */
public final class PostForm {

    private static final DateTimeFormatter V4_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    static final String BOUNDARY = "----emulatorTestBoundary7MA4YWxkTrZu0gW";

    private final Map<String, String> fields = new LinkedHashMap<>();

    public PostForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public Buffer withFile(String filename, String contentType, byte[] content) {
        Buffer body = Buffer.buffer();
        fields.forEach((name, value) -> body.appendString("--" + BOUNDARY + "\r\n")
                .appendString("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                .appendString(value, "UTF-8").appendString("\r\n"));
        body.appendString("--" + BOUNDARY + "\r\n")
                .appendString("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n")
                .appendString("Content-Type: " + contentType + "\r\n\r\n")
                .appendBytes(content)
                .appendString("\r\n--" + BOUNDARY + "--\r\n");
        return body;
    }

    /**
     * A form signed with a V4 policy. In {@code policyJson}, {@code ${credential}} and {@code ${date}} are replaced by
     * the form's own x-oss-credential and x-oss-date so that a policy can require them.
     */
    public static PostForm signedV4(String accessKeyId, String secret, String region, String key, String policyJson) {
        String date = V4_TIME.format(Instant.now());
        String credential = accessKeyId + "/" + date.substring(0, 8) + "/" + region + "/oss/aliyun_v4_request";
        String policy = base64(policyJson.replace("${credential}", credential).replace("${date}", date));
        return new PostForm().field("key", key).field("policy", policy)
                .field("x-oss-signature-version", "OSS4-HMAC-SHA256")
                .field("x-oss-credential", credential)
                .field("x-oss-date", date)
                .field("x-oss-signature", signV4(secret, date.substring(0, 8), region, policy));
    }

    /** A form signed with a V1 policy (OSSAccessKeyId and Signature). */
    public static PostForm signedV1(String accessKeyId, String secret, String key, String policyJson) {
        String policy = base64(policyJson);
        return new PostForm().field("key", key).field("policy", policy).field("OSSAccessKeyId", accessKeyId)
                .field("Signature", signV1(secret, policy));
    }

    public static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** The headers a PostObject request with one of these forms carries. */
    public static MultiMap headers() {
        return MultiMap.caseInsensitiveMultiMap().add("Content-Type", contentType());
    }

    public static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    public static String signV1(String secret, String policyBase64) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret.getBytes(StandardCharsets.UTF_8),
                policyBase64));
    }

    public static String signV4(String secret, String date, String region, String policyBase64) {
        byte[] key = hmac("HmacSHA256", ("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac("HmacSHA256", key, region);
        key = hmac("HmacSHA256", key, "oss");
        key = hmac("HmacSHA256", key, "aliyun_v4_request");
        return HexFormat.of().formatHex(hmac("HmacSHA256", key, policyBase64));
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
