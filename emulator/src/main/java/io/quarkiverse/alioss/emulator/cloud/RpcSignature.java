package io.quarkiverse.alioss.emulator.cloud;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of Alibaba Cloud RPC-style APIs such as STS ({@code SignatureMethod=HMAC-SHA1},
 * {@code SignatureVersion=1.0}): an HMAC-SHA1, keyed with {@code AccessKeySecret + "&"}, over
 * {@code METHOD&%2F&} and the percent-encoded, sorted parameters, in Base64.
 */
final class RpcSignature {

    private RpcSignature() {
    }

    /** @param parameters every request parameter but {@code Signature} */
    static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
        return Base64.getEncoder().encodeToString(hmacSha1(accessKeySecret + "&", stringToSign(method, parameters)));
    }

    static String stringToSign(String method, Map<String, String> parameters) {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> parameter : new TreeMap<>(parameters).entrySet()) {
            if (canonical.length() > 0) {
                canonical.append('&');
            }
            canonical.append(percentEncode(parameter.getKey())).append('=').append(percentEncode(parameter.getValue()));
        }
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonical.toString());
    }

    /** RFC 3986 encoding of UTF-8 bytes: only letters, digits, {@code -_.~} stay as they are. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
