package io.quarkiverse.alioss.runtime.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Alibaba Cloud RPC-style API calls such as STS AssumeRole ({@code SignatureMethod=HMAC-SHA1},
 * {@code SignatureVersion=1.0}): HMAC-SHA1 keyed with {@code AccessKeySecret + "&"} over
 * {@code METHOD&%2F&percentEncode(sorted, percent-encoded parameters)}, in Base64.
 */
final class RpcSigner {

    private RpcSigner() {
    }

    /** @param parameters every parameter that is sent, but not {@code Signature} */
    static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] signature = mac.doFinal(stringToSign(method, parameters).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    static String stringToSign(String method, Map<String, String> parameters) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(query(parameters));
    }

    /** The parameters sorted by name and percent-encoded, as sent and as signed. */
    static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(percentEncode(name)).append('=').append(percentEncode(value));
        });
        return query.toString();
    }

    /** RFC 3986: letters, digits and {@code -_.~} as they are, every other UTF-8 byte as {@code %XX}. */
    static String percentEncode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
